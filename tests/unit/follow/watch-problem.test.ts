import { describe, expect, it } from 'vitest';
import { watch } from 'node:fs';
import { watchProblem } from '../../../src/main/follow/watch-problem';
import { enospcError } from '../../support/failing-watch.mjs';

const STILL =
  'New logs are looked for every 5 s instead (less often where looking takes long); rows appended to its logs are still found by polling.';

describe('watchProblem', () => {
  it("names the system's limit and the setting that raises it, once for every directory", () => {
    const first = watchProblem(enospcError('/data/flagged/a'));
    expect(first).toBe(
      "not watched for changes: the system's limit of file watches is reached (ENOSPC; on Linux raise " +
        `fs.inotify.max_user_watches, e.g. sysctl fs.inotify.max_user_watches=524288). ${STILL}`,
    );
    expect(watchProblem(enospcError('/data/flagged/b'))).toBe(first);
  });

  it('names the directory where the cause is its own', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, watch '/data/flagged/private'"), {
      code: 'EACCES',
      path: '/data/flagged/private',
    });
    expect(watchProblem(denied)).toBe(
      `not watched for changes: permission denied (EACCES) at /data/flagged/private. ${STILL}`,
    );
  });

  it("gives any other error's own message (a real one from fs.watch)", () => {
    let error: unknown;
    try {
      watch('/no/such/directory/for/flagdeck');
    } catch (caught) {
      error = caught;
    }
    expect(watchProblem(error)).toBe(`not watched for changes: ${(error as Error).message}. ${STILL}`);
    expect((error as Error).message).toContain('/no/such/directory/for/flagdeck');
  });
});

// A demo followed from its first flags: the HF saver's directory of sample folders grows past
// SAMPLE_PARENT_MIN while the folder is open. It was chokidar's until the folder was reopened, which
// read the whole directory again after each new sample (an lstat per entry); it is now watched
// apart from the moment it holds that many.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { SAMPLE_PARENT_MIN } from '../../../src/main/follow/sample-folders';
import { countCalls } from '../../support/counted-calls.mjs';
import { inotifyWatches } from '../../support/inotify.mjs';
import { until } from '../../support/until';

const open: Workspace[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
});

/** Writes the sample `i` as the saver does: its folder and file, then its log. */
function flag(root: string, i: number): string {
  const name = `0f8e2b1c-2222-4333-8444-${String(i).padStart(12, '0')}`;
  mkdirSync(join(root, name, 'image'), { recursive: true });
  writeFileSync(join(root, name, 'image', 'bus.png'), 'png');
  writeFileSync(
    join(root, name, 'metadata.jsonl'),
    JSON.stringify({ text: `sample ${i}`, flag: '', username: '', timestamp: '' }),
  );
  return `${name}/metadata.jsonl`;
}

/** Samples flagged while followed: past SAMPLE_PARENT_MIN, and enough for chokidar's reads to show. */
const GROWN = Math.max(SAMPLE_PARENT_MIN, 100);

describe.skipIf(process.platform !== 'linux')(
  'a directory of sample folders that grows while followed',
  () => {
    it('is no longer read again after each new sample once it holds many', async () => {
      const root = mkdtempSync(join(tmpdir(), 'flagdeck-sample-growth-'));
      for (let i = 0; i < 3; i++) flag(root, i);
      const before = inotifyWatches();
      // Told once a log is added whole (info() lists it as soon as its shape is read).
      const added: string[] = [];
      const ws = createWorkspace({
        emit: (event, payload) =>
          void (event === 'logAdded' && added.push((payload as { file: string }).file)),
        pollMs: 100,
        timing: { recheckMs: 40, finalQuietMs: 300 },
      });
      open.push(ws);
      await ws.open([root]);
      await ws.whenIdle();
      for (let i = 3; i < GROWN + 3; i++) flag(root, i);
      await until(() => added.length === GROWN, 'the new samples to join', 20_000);
      await ws.whenIdle();
      // The new watch's (the folder and each young sample folder): chokidar's, closed, held as many more.
      expect(inotifyWatches() - before).toBeLessThanOrEqual(GROWN + 3 + 2);
      const lstats = countCalls('lstat');
      try {
        for (let i = 0; i < 3; i++) {
          const log = flag(root, 1000 + i);
          await until(() => added.includes(log), `sample ${1000 + i} to join`);
        }
        // chokidar's read of the directory after each change: an lstat per entry (103 and more here).
        expect(lstats.callsInside(root)).toBeLessThan(20);
      } finally {
        lstats.undo();
      }
      expect(ws.info().folders[0].problems).toEqual([]);
    });
  },
);

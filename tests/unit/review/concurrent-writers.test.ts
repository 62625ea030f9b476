// Two processes append to one journal at once: no line is lost or mixed with another, and each
// process sees the other's edits live.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReview } from '../../../src/main/review/open-review';
import { bundle, type Bundle } from './support/bundle';
import { runChild } from './support/child';
import { tempFolder } from './support/temp-folder';

let child: Bundle;

beforeAll(async () => {
  child = await bundle(join(import.meta.dirname, 'support/relabel-child.ts'));
});
afterAll(() => child.remove());

describe('concurrent writers', () => {
  it('keeps every line of two processes appending at once, and a third sees them live', async () => {
    const root = await tempFolder();
    const watcher = await openReview(root, { dataDir: join(root, 'data'), reviewer: 'watcher', pollMs: 50 });
    const seen = new Set<string>();
    watcher.onChange((ids) => ids.forEach((id) => seen.add(id)));

    const runs = ['a', 'b'].map((tag) => runChild(child.file, [root, tag, '300', '10']));
    const results = await Promise.all(runs.map((run) => run.exited));
    expect(results.map((r) => r.code)).toEqual([0, 0]);

    const perProcess = 300 - 30 + 30 * 50;
    await expect.poll(() => seen.size, { timeout: 3000 }).toBe(2 * perProcess);
    const lines = (await readFile(watcher.location.journal, 'utf8')).split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2 * perProcess);
    expect(watcher.warnings()).toEqual([]);
    for (const tag of ['a', 'b']) {
      expect(watcher.get(`log.csv#${tag}-300-0`, `${tag}-300-0`)?.reason).toBe(`${tag}-300`);
      expect(watcher.get(`log.csv#${tag}-10-49`, `${tag}-10-49`)?.reason).toBe(`${tag}-10`);
    }
    await watcher.close();
  });
});

// A directory of many sample folders is watched apart (sample-parent-watch.ts). When its watch starts,
// its samples' logs are looked at through libuv's threads, the calling thread free meanwhile (the
// 20,000 of a large folder, one by one on the app's main thread, held it 155-205 ms), and a watch
// closed while it starts watches nothing after.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SampleParentWatch, type SampleParentEvents } from '../../../src/main/follow/sample-parent-watch';
import { inotifyWatches } from '../../support/inotify.mjs';
import { sampleFolders } from './support/sample-folders';

const quiet: SampleParentEvents = {
  logChanged: () => undefined,
  logRemoved: () => undefined,
  directoryAdded: () => undefined,
  unnamed: () => undefined,
  error: (error) => {
    throw error;
  },
};

/** A directory of `settled` samples written a minute ago, then `young` written now. */
function parent(settled: number, young: number): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-sample-parent-watch-'));
  sampleFolders(root, settled, 60_000);
  sampleFolders(root, young, 0, settled);
  return root;
}

describe.skipIf(process.platform !== 'linux')('the watch of a directory of many sample folders', () => {
  it('looks at its samples with the thread free meanwhile, and watches the young ones', async () => {
    const root = parent(300, 3);
    const watch = new SampleParentWatch(quiet, 30_000);
    const nodeFs = process.getBuiltinModule('node:fs');
    const held = [
      vi.spyOn(nodeFs, 'statSync'),
      vi.spyOn(nodeFs, 'readdirSync'),
      vi.spyOn(nodeFs, 'lstatSync'),
    ];
    let turns = 0;
    let ticking = true;
    const tick = (): void => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const before = inotifyWatches();
    try {
      expect(await watch.watchParent(root)).toEqual([]);
      ticking = false;
      // The event loop went round while the samples were looked at, none of them on this thread.
      expect(turns).toBeGreaterThan(1);
      const here = held.flatMap((spy) => spy.mock.calls.map(([path]) => String(path)));
      expect(here.filter((path) => path.startsWith(root))).toEqual([]);
      // The parent and its three young samples.
      expect(inotifyWatches() - before).toBe(4);
    } finally {
      ticking = false;
      watch.close();
      for (const spy of held) spy.mockRestore();
    }
    expect(inotifyWatches() - before).toBe(0);
  });

  it('watches no sample once closed while it starts', async () => {
    const root = parent(0, 40);
    const before = inotifyWatches();
    const watch = new SampleParentWatch(quiet, 30_000);
    const started = watch.watchParent(root);
    watch.close();
    await started;
    expect(inotifyWatches() - before).toBe(0);
  });
});

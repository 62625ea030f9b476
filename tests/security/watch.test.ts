// The watcher of an open folder follows no symlink out of it: a link to `/` used to have it walk
// the disk (100,000 inotify watches, over a minute), a link to a 300-directory tree cost a watch
// per directory there. Watches stay as many as the folder's own directories.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFolder } from '../../src/main/follow/folder-watch';
import { inotifyWatches } from '../support/inotify.mjs';
import { flaggingFolder, tempDir } from './support';

describe.skipIf(process.platform !== 'linux')('watching a folder with symlinks out of it', () => {
  it('watches its own directories only, and is ready at once', async () => {
    const base = await tempDir();
    const folder = await flaggingFolder(base, 'flagged');
    for (let i = 0; i < 10; i++) await mkdir(join(folder, `label${i}`));
    const tree = join(base, 'elsewhere');
    for (let i = 0; i < 30; i++)
      for (let j = 0; j < 10; j++) await mkdir(join(tree, `d${i}`, `e${j}`), { recursive: true });
    await writeFile(join(tree, 'log.csv'), 'text,flag\r\n');
    await symlink(tree, join(folder, 'treelink'));
    await symlink('/', join(folder, 'rootlink'));
    await symlink(tree, join(folder, 'label0', 'nested-link'));

    const before = inotifyWatches();
    const started = Date.now();
    const watcher = await watchFolder(folder, {
      changed: () => undefined,
      removed: () => undefined,
      rescan: () => undefined,
      error: () => undefined,
    });
    try {
      const readyMs = Date.now() - started;
      const watches = inotifyWatches() - before;
      // The folder and its 10 directories, with room for chokidar's own bookkeeping; nothing of
      // the 300 linked directories or of `/`.
      expect(watches).toBeGreaterThan(0);
      expect(watches).toBeLessThanOrEqual(2 * 11);
      expect(readyMs).toBeLessThan(5000);
    } finally {
      await watcher.close();
    }
  });
});

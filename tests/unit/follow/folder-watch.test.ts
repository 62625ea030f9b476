// A followed folder's label directories (Gradio's copies of flagged files) are not watched: chokidar
// re-read a watched one with an lstat per entry on every new copy, more than a core while a demo
// with 100,000 flagged files went on flagging. Logs are still followed everywhere else.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchFolder, type FolderWatch, type WatchOptions } from '../../../src/main/follow/folder-watch';
import { inotifyWatches } from '../../support/inotify.mjs';
import { until } from '../../support/until';
import { countCalls } from '../../support/counted-calls.mjs';
import { sampleFolders } from './support/sample-folders';

const open: FolderWatch[] = [];
afterEach(async () => {
  for (const watch of open.splice(0)) await watch.close();
});

const LOG = 'text,image,flag,username,timestamp\n';

/** A flagging folder with a log and a nested one; with `labels`, label directories of copies too. */
function flaggingFolder(labels: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-folder-watch-'));
  writeFileSync(join(root, 'dataset1.csv'), LOG);
  mkdirSync(join(root, 'older', 'flagged'), { recursive: true });
  writeFileSync(join(root, 'older', 'flagged', 'log.csv'), LOG);
  if (labels) {
    for (let i = 0; i < 40; i++) {
      const hash = join(root, 'image', (0x10000000 + i).toString(16).padStart(20, '0'));
      mkdirSync(hash, { recursive: true });
      writeFileSync(join(hash, 'bus.png'), 'png');
    }
    mkdirSync(join(root, 'older', 'flagged', 'input_image'));
    for (let i = 0; i < 40; i++)
      writeFileSync(
        join(root, 'older', 'flagged', 'input_image', `tmp${String(i).padStart(8, 'a')}.jpg`),
        'jpg',
      );
  }
  return root;
}

async function watched(root: string, changes: string[], options: WatchOptions = {}): Promise<number> {
  const before = inotifyWatches();
  open.push(
    await watchFolder(
      root,
      {
        changed: (file) => changes.push(file),
        removed: () => undefined,
        rescan: () => changes.push('rescan'),
        error: (error) => changes.push(`error: ${String(error)}`),
      },
      options,
    ),
  );
  return inotifyWatches() - before;
}

describe.skipIf(process.platform !== 'linux')('following a folder with label directories', () => {
  it('watches no more than the same folder without them', async () => {
    const plain = await watched(flaggingFolder(false), []);
    const withCopies = await watched(flaggingFolder(true), []);
    expect(plain).toBeGreaterThan(0);
    expect(withCopies).toBe(plain);
  });

  it('still reports new logs and appends, at the top and in a new sub-folder', async () => {
    const root = flaggingFolder(true);
    const changes: string[] = [];
    await watched(root, changes);
    writeFileSync(join(root, 'dataset1.csv'), `${LOG}a,,,,2026-12-04 10:00:00\n`);
    mkdirSync(join(root, 'newer', 'flagged'), { recursive: true });
    writeFileSync(join(root, 'newer', 'flagged', 'dataset1.csv'), LOG);
    await until(() => changes.includes('dataset1.csv'), 'the append to be reported');
    await until(() => changes.includes('newer/flagged/dataset1.csv'), 'the new log to be reported');
  });

  it('drops the watch of a label directory made before its first copy', async () => {
    const root = flaggingFolder(false);
    const changes: string[] = [];
    const start = inotifyWatches();
    const first = await watched(root, changes);
    // Gradio makes the label directory, then a hash directory in it per flagged file.
    mkdirSync(join(root, 'audio'));
    await until(() => inotifyWatches() - start === first + 1, 'the new directory to be watched');
    mkdirSync(join(root, 'audio', '0a1b2c3d4e5f60718293'));
    writeFileSync(join(root, 'audio', '0a1b2c3d4e5f60718293', 'take.wav'), 'wav');
    await until(() => inotifyWatches() - start === first, 'the label directory to be unwatched');
    expect(changes.filter((file) => file.startsWith('error'))).toEqual([]);
  });
});

describe.skipIf(process.platform !== 'linux')(
  'a log made in a new directory as chokidar starts to watch it',
  () => {
    /** Runs `act` while chokidar's fs.watch of `dir` first writes its log (the race). */
    async function duringTheRace(dir: string, act: () => Promise<void>): Promise<void> {
      const nodeFs = process.getBuiltinModule('node:fs');
      const realWatch = nodeFs.watch;
      const watchAfterTheLog = (path: string, ...rest: unknown[]) => {
        if (path === dir) writeFileSync(join(dir, 'log.csv'), LOG);
        return (realWatch as (...args: unknown[]) => unknown).call(nodeFs, path, ...rest);
      };
      nodeFs.watch = watchAfterTheLog as typeof nodeFs.watch;
      syncBuiltinESMExports();
      try {
        await act();
      } finally {
        nodeFs.watch = realWatch;
        syncBuiltinESMExports();
      }
    }

    it('is told of a second later', async () => {
      const root = flaggingFolder(false);
      const changes: string[] = [];
      await watched(root, changes);
      const dir = join(root, 'newer');
      // chokidar lists a new directory, then watches it: the log is written in between.
      await duringTheRace(dir, async () => {
        mkdirSync(dir);
        await until(() => changes.includes('newer/log.csv'), 'the log of the new directory', 3000);
      });
      expect(changes.filter((change) => change.startsWith('error'))).toEqual([]);
    });

    it('is told of at the second look where chokidar lists the directory after the first', async () => {
      const root = flaggingFolder(false);
      const changes: string[] = [];
      await watched(root, changes, { newDirectoryLooksMs: [100, 1200] });
      const dir = join(root, 'newer');
      // A busy machine: chokidar's listing of the new directory ends after the first look.
      const promises = process.getBuiltinModule('node:fs/promises');
      const realReaddir = promises.readdir;
      // chokidar's listing is the directory's first read (the looks come later): that one is slow.
      let reads = 0;
      const slowReaddir = async (path: string, ...rest: unknown[]): Promise<unknown> => {
        if (path === dir && reads++ === 0) await new Promise((resolve) => setTimeout(resolve, 400));
        return (realReaddir as (...args: unknown[]) => Promise<unknown>).call(promises, path, ...rest);
      };
      // Synced with fs.watch's patch, for chokidar's import of fs/promises.
      promises.readdir = slowReaddir as typeof promises.readdir;
      try {
        await duringTheRace(dir, async () => {
          mkdirSync(dir);
          await new Promise((resolve) => setTimeout(resolve, 700));
          expect(changes).not.toContain('newer/log.csv');
          await until(() => changes.includes('newer/log.csv'), 'the log at the second look', 3000);
        });
      } finally {
        promises.readdir = realReaddir;
        syncBuiltinESMExports();
      }
      expect(changes.filter((change) => change.startsWith('error'))).toEqual([]);
    });
  },
);

describe.skipIf(process.platform !== 'linux')("following a folder of the HF saver's sample folders", () => {
  it('does not watch the samples written before, and reports a new one', async () => {
    const plain = await watched(mkdtempSync(join(tmpdir(), 'flagdeck-samples-')), []);
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-samples-'));
    sampleFolders(root, 30, 60_000);
    const changes: string[] = [];
    expect(await watched(root, changes)).toBe(plain);
    const [young] = sampleFolders(join(root), 31, 0).slice(30);
    const name = young.split('/').pop();
    await until(() => changes.includes(`${name}/metadata.jsonl`), 'the new sample to be reported');
  });

  it('drops the watch of a new sample folder once its log is left alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-samples-'));
    const start = inotifyWatches();
    open.push(
      await watchFolder(
        root,
        {
          changed: () => undefined,
          removed: () => undefined,
          rescan: () => undefined,
          error: () => undefined,
        },
        { sampleSettledMs: 300 },
      ),
    );
    const first = inotifyWatches() - start;
    sampleFolders(root, 1, 0);
    await until(() => inotifyWatches() - start > first, 'the new sample folder to be watched');
    await until(() => inotifyWatches() - start === first, 'the settled sample folder to be unwatched');
  });
});

describe.skipIf(process.platform !== 'linux')('following a directory of many sample folders', () => {
  /** A folder whose top holds 60 settled sample folders, a log, and a sub-folder with a log. */
  function manySamples(): string {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-sample-parent-'));
    sampleFolders(root, 60, 60_000);
    writeFileSync(join(root, 'data.csv'), LOG);
    mkdirSync(join(root, 'older', 'flagged'), { recursive: true });
    writeFileSync(join(root, 'older', 'flagged', 'log.csv'), LOG);
    return root;
  }

  async function watchedApart(root: string, changes: string[], removed: string[] = []): Promise<void> {
    open.push(
      await watchFolder(
        root,
        {
          changed: (file) => changes.push(file),
          removed: (file) => removed.push(file),
          rescan: () => changes.push('rescan'),
          error: (error) => changes.push(`error: ${String(error)}`),
        },
        { sampleParents: [root], sampleSettledMs: 300 },
      ),
    );
  }

  it('tells of a new sample, its log written after its folder, without reading the directory again', async () => {
    const root = manySamples();
    const changes: string[] = [];
    await watchedApart(root, changes);
    const lstats = countCalls('lstat');
    try {
      for (let i = 0; i < 3; i++) {
        const dir = join(root, `0f8e2b1c-1111-4222-8333-9999999999${String(i).padStart(2, '0')}`);
        mkdirSync(join(dir, 'im', '0a1b2c3d4e5f60718293'), { recursive: true });
        writeFileSync(join(dir, 'im', '0a1b2c3d4e5f60718293', 'bus.png'), 'png');
        await new Promise((resolve) => setTimeout(resolve, 50));
        writeFileSync(join(dir, 'metadata.jsonl'), '{"text":"new","flag":"","username":"","timestamp":""}');
        const log = `${dir.split('/').pop()}/metadata.jsonl`;
        await until(() => changes.includes(log), `the new sample ${i}`);
      }
      // chokidar read the directory again after each change, an lstat per entry (60 here).
      expect(lstats.callsInside(root)).toBeLessThan(10);
    } finally {
      lstats.undo();
    }
    expect(changes.filter((file) => file.startsWith('error'))).toEqual([]);
  });

  it("still tells of its own log, its other directories' logs, a new directory's, and a sample removed", async () => {
    const root = manySamples();
    const changes: string[] = [];
    const removed: string[] = [];
    await watchedApart(root, changes, removed);
    appendFileSync(join(root, 'data.csv'), 'a,,,,\n');
    await until(() => changes.includes('data.csv'), 'the append to data.csv');
    appendFileSync(join(root, 'older', 'flagged', 'log.csv'), 'a,,,,\n');
    await until(() => changes.includes('older/flagged/log.csv'), 'the append in a sub-folder');
    mkdirSync(join(root, 'newer'));
    writeFileSync(join(root, 'newer', 'log.csv'), LOG);
    await until(() => changes.includes('newer/log.csv'), 'the log of a new directory');
    const before = changes.length;
    appendFileSync(join(root, 'newer', 'log.csv'), 'a,,,,\n');
    await until(() => changes.slice(before).includes('newer/log.csv'), 'an append in the new directory');
    rmSync(join(root, '0f8e2b1c-1111-4222-8333-000000000007'), { recursive: true });
    await until(
      () => removed.includes('0f8e2b1c-1111-4222-8333-000000000007/metadata.jsonl'),
      'the removed sample',
    );
  });

  it('watches a new sample folder until its log has settled', async () => {
    const root = manySamples();
    const start = inotifyWatches();
    await watchedApart(root, []);
    const first = inotifyWatches() - start;
    sampleFolders(root, 61, 0);
    await until(() => inotifyWatches() - start > first, 'the new sample folder to be watched');
    await until(() => inotifyWatches() - start === first, 'the settled sample folder to be unwatched');
  });

  it('looks again where fs.watch names no entry, as Node allows on any platform', async () => {
    const root = manySamples();
    const changes: string[] = [];
    // Our watches' listeners, called by hand (Linux always names the entry); chokidar's are its own.
    const nodeFs = process.getBuiltinModule('node:fs');
    const realWatch = nodeFs.watch.bind(nodeFs);
    type Listener = (type: string, name: string | null) => void;
    const listeners = new Map<string, Listener>();
    const watchByHand = (path: string, options: { persistent: boolean }, listener: Listener) => {
      listeners.set(path, listener);
      return realWatch(path, options);
    };
    const spy = vi.spyOn(nodeFs, 'watch').mockImplementation(watchByHand as unknown as typeof nodeFs.watch);
    try {
      await watchedApart(root, changes);
      listeners.get(root)?.('rename', null);
      expect(changes).toEqual(['rescan']);
      const name = '0f8e2b1c-1111-4222-8333-999999999999';
      mkdirSync(join(root, name));
      listeners.get(root)?.('rename', name);
      writeFileSync(
        join(root, name, 'metadata.jsonl'),
        '{"text":"new","flag":"","username":"","timestamp":""}',
      );
      listeners.get(join(root, name))?.('rename', null);
      expect(changes).toEqual(['rescan', `${name}/metadata.jsonl`]);
    } finally {
      spy.mockRestore();
    }
  });
});

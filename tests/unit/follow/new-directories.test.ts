// A new directory's logs are looked for again after chokidar has had time to watch it: once is not
// enough on a machine so busy that chokidar lists the directory after the first look.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewDirectories } from '../../../src/main/follow/new-directories';
import { until } from '../../support/until';

const made: string[] = [];
const watchers: NewDirectories[] = [];
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.stop();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDirectory(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-new-directories-'));
  made.push(root);
  const dir = join(root, 'flagged');
  mkdirSync(dir);
  return dir;
}

function following(looksMs: number[]): { found: string[]; directories: NewDirectories } {
  const found: string[] = [];
  const directories = new NewDirectories((path) => found.push(path), looksMs);
  watchers.push(directories);
  return { found, directories };
}

describe('NewDirectories', () => {
  it('finds a log written after its first look, at its second', async () => {
    const dir = newDirectory();
    const { found, directories } = following([20, 150]);
    directories.appeared(dir);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(found).toEqual([]);
    writeFileSync(join(dir, 'log.csv'), 'text,flag\n');
    await until(() => found.length > 0, 'the log written between the looks', 2000);
    expect(found).toEqual([join(dir, 'log.csv')]);
  });

  it('reports a log already there at each look, and only log files', async () => {
    const dir = newDirectory();
    writeFileSync(join(dir, 'log.csv'), 'text,flag\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a log');
    const { found, directories } = following([10, 40]);
    directories.appeared(dir);
    await until(() => found.length === 2, 'two looks', 2000);
    expect(found).toEqual([join(dir, 'log.csv'), join(dir, 'log.csv')]);
  });

  it("reads the directory on libuv's threads, not this one (a burst of new directories)", async () => {
    const dir = newDirectory();
    writeFileSync(join(dir, 'log.csv'), 'text,flag\n');
    const nodeFs = process.getBuiltinModule('node:fs');
    const readdirSync = vi.spyOn(nodeFs, 'readdirSync');
    const readdir = vi.spyOn(nodeFs.promises, 'readdir');
    try {
      const { found, directories } = following([10]);
      directories.appeared(dir);
      await until(() => found.length === 1, 'the look', 2000);
      expect(readdirSync.mock.calls.filter(([path]) => path === dir)).toEqual([]);
      expect(readdir.mock.calls.filter(([path]) => path === dir)).toHaveLength(1);
    } finally {
      readdirSync.mockRestore();
      readdir.mockRestore();
    }
  });

  it('looks no more once stopped, and says nothing of a directory gone again', async () => {
    const dir = newDirectory();
    writeFileSync(join(dir, 'log.csv'), 'text,flag\n');
    const stopped = following([30]);
    stopped.directories.appeared(dir);
    stopped.directories.stop();
    const gone = following([10]);
    const removed = join(dir, 'removed');
    mkdirSync(removed);
    gone.directories.appeared(removed);
    rmSync(removed, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(stopped.found).toEqual([]);
    expect(gone.found).toEqual([]);
  });
});

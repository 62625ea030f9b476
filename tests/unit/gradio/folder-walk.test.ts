// The one walk of a folder: every directory read once (many at a time), symlinks listed, not followed.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkFolder, walkFolderSync, type Descend } from '../../../src/main/gradio/folder-walk';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-walk-'));
  // More directories than reads in flight, some deep: each must be read exactly once.
  for (let i = 0; i < 120; i++) {
    const dir = join(root, 'img', `${i}`.padStart(20, '0'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.png'), 'png');
  }
  mkdirSync(join(root, 'a', 'b', 'c', 'd', 'e', 'f', 'g'), { recursive: true });
  writeFileSync(join(root, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'deep.csv'), 'x');
  const outside = mkdtempSync(join(tmpdir(), 'flagdeck-walk-outside-'));
  writeFileSync(join(outside, 'secret.png'), 'no');
  symlinkSync(outside, join(root, 'link'));
  return root;
}

const walkers: [string, typeof walkFolder][] = [
  ['reads in flight', walkFolder],
  ['each read at once', async (root: string, descend?: Descend) => walkFolderSync(root, descend)],
];

describe.each(walkers)('the walk, %s', (_how, walk) => {
  it('reads every directory below the root once, with its path below the root', async () => {
    const root = tree();
    const { directories, unreadable } = await walk(root);
    expect(unreadable).toBe(false);
    const relatives = directories.map((directory) => directory.relative);
    expect(new Set(relatives).size).toBe(relatives.length);
    expect(relatives).toHaveLength(1 + 1 + 120 + 7);
    expect(relatives).toContain('a/b/c/d/e/f/g');
    const deepest = directories.find((directory) => directory.relative === 'a/b/c/d/e/f/g');
    expect(deepest?.dir).toBe(join(root, 'a', 'b', 'c', 'd', 'e', 'f', 'g'));
    expect(deepest?.entries.map((entry) => entry.name)).toEqual(['deep.csv']);
    const top = directories.find((directory) => directory.relative === '');
    const link = top?.entries.find((entry) => entry.name === 'link');
    expect(link?.isSymbolicLink()).toBe(true);
    expect(relatives.some((relative) => relative.startsWith('link'))).toBe(false);
  });

  it('enters only the directories it is let into, knowing their depth', async () => {
    const root = tree();
    const asked: string[] = [];
    const { directories } = await walk(root, (entry, depth) => {
      asked.push(`${entry.name}@${depth}`);
      return entry.name !== 'img' && depth <= 3;
    });
    expect(directories.map((directory) => directory.relative).sort()).toEqual(['', 'a', 'a/b', 'a/b/c']);
    expect(asked.sort()).toEqual(['a@1', 'b@2', 'c@3', 'd@4', 'img@1']);
  });

  it('rejects a root it cannot read', async () => {
    await expect(walkFolder(join(tmpdir(), 'flagdeck-no-such-walk'))).rejects.toThrow(/ENOENT/);
  });
});

describe('the walk read at once, given directories read just now', () => {
  it('takes their entries rather than reading them again', async () => {
    const root = tree();
    const earlier = await walkFolder(root, (entry) => entry.name !== 'a');
    const img = join(root, 'img');
    // A file written since: the walk answers with what was read just now, as it was given.
    writeFileSync(join(img, 'late.png'), 'png');
    const known = new Map(earlier.directories.map(({ dir, entries }) => [dir, entries]));
    const asked: string[] = [];
    const { directories } = walkFolderSync(root, undefined, (dir) => {
      asked.push(dir);
      return known.get(dir);
    });
    const taken = directories.find((directory) => directory.dir === img);
    expect(taken?.entries).toBe(known.get(img));
    expect(taken?.entries.map((entry) => entry.name)).not.toContain('late.png');
    // Directories not read just now are read: `a` and below, which the earlier walk left out.
    expect(directories.find((directory) => directory.relative === 'a/b')?.entries.map((e) => e.name)).toEqual(
      ['c'],
    );
    expect(asked).toHaveLength(directories.length);
  });
});

describe('the walk with reads in flight, given directories read just now', () => {
  it('takes their entries rather than reading them again, and ends where it was given them all', async () => {
    const root = tree();
    const earlier = await walkFolder(root);
    writeFileSync(join(root, 'img', 'late.png'), 'png');
    const known = new Map(earlier.directories.map(({ dir, entries }) => [dir, entries]));
    const asked: string[] = [];
    const { directories } = await walkFolder(root, undefined, (dir) => {
      asked.push(dir);
      return known.get(dir);
    });
    const names = (walk: typeof directories) => walk.map(({ relative }) => relative).sort();
    expect(names(directories)).toEqual(names(earlier.directories));
    expect(directories.find(({ dir }) => dir === join(root, 'img'))?.entries).toBe(
      known.get(join(root, 'img')),
    );
    // The root is read (its entries start the walk); every other directory was asked for.
    expect(asked).toHaveLength(directories.length - 1);
  });

  it('reads the directories it is not given', async () => {
    const root = tree();
    const given = join(root, 'a', 'b');
    const { directories } = await walkFolder(root, undefined, (dir) => (dir === given ? [] : undefined));
    // `a/b` taken as given (empty): nothing below it is entered; the rest is read.
    expect(directories.find(({ dir }) => dir === given)?.entries).toEqual([]);
    expect(directories.some(({ relative }) => relative === 'a/b/c')).toBe(false);
    expect(directories.filter(({ relative }) => relative.startsWith('img/'))).toHaveLength(120);
  });
});

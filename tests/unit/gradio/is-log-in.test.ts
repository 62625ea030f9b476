// isLogIn tells one file's verdict without walking the folder (a followed folder asks it for each
// new file): it must say what findLogs says, for every file of every folder.
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLogs, isLogIn } from '../../../src/main/gradio/find-logs';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../support/real-world';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Every file below `root`, symlinks included, `/`-separated and relative. */
function everyFile(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

async function disagreements(root: string): Promise<string[]> {
  const logs = new Set(await findLogs(root));
  return everyFile(root).filter((file) => isLogIn(root, file) !== logs.has(file));
}

/** A folder with every case the walk tells apart. */
function edgeFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-is-log-in-'));
  const files = [
    'log.csv',
    'demo-flags/0f8e2b1c-1111-4222-8333-444455556666/metadata.jsonl',
    'demo-flags/0f8e2b1c-1111-4222-8333-444455556666/im/0123456789abcdef0123/a.png',
    'a/b/c/d/e/f/six-deep.csv',
    'a/b/c/d/e/f/g/seven-deep.csv',
    'file/0123456789abcdef0123/uploaded.csv',
    'input_file/tmpabcd1234.csv',
    'input_file/tmpefgh5678.csv',
    'cached_examples/15/log.csv',
    '.venv-3.11/lib/x.csv',
    '.flagdeck/journal.jsonl',
    'notes/readme.txt',
    'notes/metadata.jsonl',
  ];
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), 'x');
  }
  symlinkSync(join(root, 'a'), join(root, 'linked'));
  symlinkSync(join(root, 'log.csv'), join(root, 'dataset2.csv'));
  return root;
}

describe('isLogIn', () => {
  it('agrees with findLogs on every file of a folder of edge cases', async () => {
    const root = edgeFolder();
    expect(await disagreements(root)).toEqual([]);
    expect(isLogIn(root, 'log.csv')).toBe(true);
    expect(isLogIn(root, 'a/b/c/d/e/f/g/seven-deep.csv')).toBe(false);
    expect(isLogIn(root, 'linked/b/c/d/e/f/six-deep.csv')).toBe(false);
    expect(isLogIn(root, 'input_file/tmpabcd1234.csv')).toBe(false);
    expect(isLogIn(root, '../log.csv')).toBe(false);
    expect(isLogIn(root, 'no-such.csv')).toBe(false);
  });

  it('agrees with findLogs on every file of every fixture folder', async () => {
    expect(await disagreements(FIXTURES)).toEqual([]);
  });

  it.skipIf(realWorldMissing)(needsRealWorld('agrees with findLogs on the real-world corpus'), async () => {
    for (const folder of readdirSync(REAL_WORLD, { withFileTypes: true }).filter((e) => e.isDirectory()))
      expect(await disagreements(join(REAL_WORLD, folder.name))).toEqual([]);
  });
});

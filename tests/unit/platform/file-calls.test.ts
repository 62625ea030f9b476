// A file's first bytes and its stat in one go (an HF saver sample's log is read so to open it).
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileHead } from '../../../src/main/platform/file-calls';

const openFds = (): number => readdirSync('/proc/self/fd').length;

function fileWith(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-head-')), 'metadata.jsonl');
  writeFileSync(path, bytes);
  return path;
}

describe('readFileHead', () => {
  it('gives a small file whole, with the stat of the file read', async () => {
    const bytes = Buffer.from('{"text": "é"}');
    const path = fileWith(bytes);
    const { bytes: read, stat } = await readFileHead(path, 64);
    expect(read.equals(bytes)).toBe(true);
    const now = statSync(path);
    expect([stat.size, stat.mtimeMs, stat.ino]).toEqual([now.size, now.mtimeMs, now.ino]);
  });

  it('gives the first bytes of a larger file, its size the whole file', async () => {
    const bytes = Buffer.from('x'.repeat(1000));
    const { bytes: read, stat } = await readFileHead(fileWith(bytes), 64);
    expect(read.equals(bytes.subarray(0, 64))).toBe(true);
    expect(stat.size).toBe(1000);
  });

  it.runIf(process.platform === 'linux')('closes what it opened, also where the read fails', async () => {
    const path = fileWith(Buffer.from('abc'));
    const before = openFds();
    for (let i = 0; i < 20; i++) await readFileHead(path, 64);
    // A directory opens, but cannot be read as a file.
    for (let i = 0; i < 20; i++) await expect(readFileHead(tmpdir(), 64)).rejects.toThrow(/EISDIR/);
    expect(openFds()).toBe(before);
  });

  it('says which file is not there', async () => {
    await expect(readFileHead(join(tmpdir(), 'flagdeck-no-such-head'), 64)).rejects.toThrow(
      /ENOENT.*flagdeck-no-such-head/,
    );
  });
});

// The persisted index: reused while the log is unchanged or appended to, rebuilt (with the reason)
// when the log changed under it, ignored and replaced when the file itself cannot be trusted.
import { describe, expect, it } from 'vitest';
import {
  appendFileSync,
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { csvLoggerShape } from './csv-logger-shape';
import { HEADER, indexView, rows } from './kept-index-log';
import { Interner } from '../../../src/main/log-index/intern';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { indexOneLogCached } from '../../../src/main/log-index/index-folder';
import {
  indexKept,
  indexPathOf,
  persistIndex,
  type IndexCacheOptions,
} from '../../../src/main/log-index/persisted-index';
import { INDEX_FILE_VERSION } from '../../../src/main/log-index/index-file';

/** Interners as a workspace has them: other logs interned their values first. */
function interners() {
  const reasons = new Interner();
  const usernames = new Interner();
  reasons.code('from another log');
  usernames.code('someone else');
  return { reasons, usernames };
}

function folderWith(content: string) {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-kept-'));
  writeFileSync(join(root, 'log.csv'), content);
  const cache: IndexCacheOptions = { dataDir: mkdtempSync(join(tmpdir(), 'flagdeck-data-')), minBytes: 1 };
  return { root, log: join(root, 'log.csv'), cache };
}

async function open(root: string, cache?: IndexCacheOptions) {
  const names = interners();
  const { log, restored } = await indexOneLogCached(
    root,
    csvLoggerShape('log.csv', HEADER),
    names,
    undefined,
    cache,
  );
  return { log, restored, view: indexView(log, names) };
}

async function indexFile(root: string, cache: IndexCacheOptions): Promise<string> {
  return indexPathOf(new LogIndex(join(root, 'log.csv'), csvLoggerShape('log.csv', HEADER)), cache);
}

describe('persisted index', () => {
  it('is said to be kept once written (a first open then starts its scan worker early)', async () => {
    const { root, cache } = folderWith(HEADER + rows(0, 50));
    expect(await indexKept(root, 'log.csv', cache)).toBe(false);
    await open(root, cache);
    expect(await indexKept(root, 'log.csv', cache)).toBe(true);
  });

  it('is written at the first open and reused whole at the next, with the same rows', async () => {
    const { root, cache } = folderWith(HEADER + rows(0, 500));
    const first = await open(root, cache);
    expect(first.restored).toEqual({ kind: 'none' });
    expect(first.view.count).toBe(500);
    const again = await open(root, cache);
    expect(again.restored).toEqual({ kind: 'reused', rows: 500 });
    expect(again.view).toEqual(first.view);
    const file = await indexFile(root, cache);
    expect(dirname(file)).toBe(join(root, '.flagdeck', 'index'));
    expect(readdirSync(dirname(file))).toEqual([file.slice(dirname(file).length + 1)]);
  });

  it('never writes Gradio files, and leaves no temp file beside the index', async () => {
    const { root, log, cache } = folderWith(HEADER + rows(0, 200));
    const before = { bytes: readFileSync(log), mtime: statSync(log).mtimeMs };
    await open(root, cache);
    await open(root, cache);
    expect(readFileSync(log)).toEqual(before.bytes);
    expect(statSync(log).mtimeMs).toBe(before.mtime);
    expect(readdirSync(root).sort()).toEqual(['.flagdeck', 'log.csv']);
    expect(readdirSync(join(root, '.flagdeck', 'index')).filter((name) => !name.endsWith('.idx'))).toEqual(
      [],
    );
  });

  it('after an append, reuses the index and gives the rows a full scan gives', async () => {
    const { root, log, cache } = folderWith(HEADER + rows(0, 300));
    await open(root, cache);
    appendFileSync(log, rows(300, 420));
    const appended = await open(root, cache);
    expect(appended.restored).toEqual({ kind: 'reused', rows: 300 });
    expect(appended.view).toEqual((await open(root)).view);
    expect(appended.view.count).toBe(420);
    // and the index now holds the appended rows too
    expect((await open(root, cache)).restored).toEqual({ kind: 'reused', rows: 420 });
  });

  it('reads a last row again when it was indexed without its line end and completed later', async () => {
    const { root, log, cache } = folderWith(HEADER + rows(0, 50) + 'half a row,wrong,,2024-01-01 00:00:00');
    const first = await open(root, cache);
    expect(first.view.count).toBe(51);
    appendFileSync(log, '.5 and more\r\n' + rows(60, 70));
    const completed = await open(root, cache);
    expect(completed.restored.kind).toBe('reused');
    expect(completed.view).toEqual((await open(root)).view);
    expect(completed.view.count).toBe(61);
  });

  const staleCases: [string, (log: string) => void, RegExp][] = [
    [
      'its last rows were rewritten (same size)',
      (log) => {
        const bytes = readFileSync(log);
        bytes[bytes.length - 10] ^= 1;
        writeFileSync(log, bytes);
      },
      /rewritten/,
    ],
    [
      'its first rows were rewritten (same size)',
      (log) => {
        const bytes = readFileSync(log);
        bytes.write('ROW', HEADER.length, 'latin1');
        writeFileSync(log, bytes);
      },
      /rewritten/,
    ],
    ['it shrank', (log) => truncateSync(log, statSync(log).size - 100), /shrank/],
    ['it was replaced by a shorter log', (log) => writeFileSync(log, HEADER + rows(0, 3)), /shrank/],
    [
      'it was replaced by a longer log with other rows',
      (log) => writeFileSync(log, HEADER + rows(1000, 1600)),
      /rewritten/,
    ],
  ];
  for (const [what, change, reason] of staleCases) {
    it(`is rebuilt with a notice when ${what}`, async () => {
      const { root, log, cache } = folderWith(HEADER + rows(0, 400));
      await open(root, cache);
      change(log);
      const reopened = await open(root, cache);
      expect(reopened.restored.kind).toBe('stale');
      expect(reopened.restored.kind === 'stale' && reopened.restored.reason).toMatch(reason);
      expect(reopened.view).toEqual((await open(root)).view);
      // The rebuilt index is the one kept now.
      expect((await open(root, cache)).restored.kind).toBe('reused');
    });
  }

  it('is not used when the log header changed where the role cells are', async () => {
    const { root, cache } = folderWith(HEADER + rows(0, 100));
    await open(root, cache);
    const names = interners();
    const shape = { ...csvLoggerShape('log.csv', HEADER), roles: { flag: 2, username: 1, timestamp: 3 } };
    const { restored } = await indexOneLogCached(root, shape, names, undefined, cache);
    expect(restored).toEqual({ kind: 'ignored', reason: expect.stringMatching(/header or dialect/) });
  });

  const brokenFiles: [string, (bytes: Buffer) => Buffer, RegExp][] = [
    ['empty', () => Buffer.alloc(0), /not a Flagdeck index/],
    ['truncated in its columns', (b) => b.subarray(0, b.length - 37), /damaged|truncated|length/],
    ['truncated in its header', (b) => b.subarray(0, 30), /truncated|damaged/],
    ['bit-flipped in a column', (b) => flip(b, b.length - 200), /damaged/],
    ['bit-flipped in its header', (b) => flip(b, 40), /damaged/],
    ['bit-flipped in its checksum', (b) => flip(b, b.length - 1), /damaged/],
    ['of another version', (b) => withVersion(b, INDEX_FILE_VERSION + 1), /version/],
    ['foreign (a text file)', () => Buffer.from('{"not": "an index"}\n'), /not a Flagdeck index/],
    [
      'random bytes',
      () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      /not a Flagdeck index/,
    ],
  ];
  for (const [what, damage, reason] of brokenFiles) {
    it(`ignores and rebuilds an index file that is ${what}`, async () => {
      const { root, cache } = folderWith(HEADER + rows(0, 300));
      const fresh = await open(root, cache);
      const file = await indexFile(root, cache);
      writeFileSync(file, damage(readFileSync(file)));
      const reopened = await open(root, cache);
      expect(reopened.restored.kind).toBe('ignored');
      expect(reopened.restored.kind === 'ignored' && reopened.restored.reason).toMatch(reason);
      expect(reopened.view).toEqual(fresh.view);
      expect((await open(root, cache)).restored).toEqual({ kind: 'reused', rows: 300 });
    });
  }

  it("ignores another log's index file put in its place", async () => {
    const { root, cache } = folderWith(HEADER + rows(0, 300));
    const other = folderWith(HEADER + rows(0, 300));
    writeFileSync(join(other.root, 'other.csv'), HEADER + rows(0, 300));
    const names = interners();
    await indexOneLogCached(other.root, csvLoggerShape('other.csv', HEADER), names, undefined, other.cache);
    const otherFile = await indexPathOf(
      new LogIndex(join(other.root, 'other.csv'), csvLoggerShape('other.csv', HEADER)),
      other.cache,
    );
    await open(root, cache);
    writeFileSync(await indexFile(root, cache), readFileSync(otherFile));
    const reopened = await open(root, cache);
    expect(reopened.restored).toEqual({ kind: 'ignored', reason: expect.stringMatching(/another log/) });
  });

  it('keeps the index of a read-only folder in the data folder', async () => {
    const { root, cache } = folderWith(HEADER + rows(0, 100));
    chmodSync(root, 0o555);
    try {
      await open(root, cache);
      expect(readdirSync(root)).toEqual(['log.csv']);
      const file = await indexFile(root, cache);
      expect(dirname(dirname(file))).toBe(join(cache.dataDir, 'indexes'));
      expect((await open(root, cache)).restored).toEqual({ kind: 'reused', rows: 100 });
    } finally {
      chmodSync(root, 0o755);
    }
  });

  it('is not written with interners that did not give its codes (its values would be lost)', async () => {
    const { root, cache } = folderWith(HEADER + rows(0, 50));
    const { log } = await open(root, cache);
    const file = await indexFile(root, cache);
    const kept = readFileSync(file);
    const strangers = { reasons: new Interner(), usernames: new Interner() };
    await expect(persistIndex(log, strangers, cache)).rejects.toThrow(/is not the interner's/);
    expect(readFileSync(file).equals(kept)).toBe(true);
    expect(readdirSync(dirname(file))).toHaveLength(1);
  });

  it('is neither read nor written for logs under the size threshold', async () => {
    const { root, cache } = folderWith(HEADER + rows(0, 10));
    await open(root, { ...cache, minBytes: 1024 * 1024 });
    expect(readdirSync(root)).toEqual(['log.csv']);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x10;
  return copy;
}

function withVersion(bytes: Buffer, version: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt32LE(version, 12);
  return copy;
}

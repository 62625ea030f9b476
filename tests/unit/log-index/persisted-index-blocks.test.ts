// The persisted index in checksummed blocks: the first block of each column is checked and used on
// its own (a reopened log's first page), the rest after; a damaged later block is never used, the
// checked first rows stay and the rest is read from the log, giving the rows a fresh index gives.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLoggerShape } from './csv-logger-shape';
import { HEADER, indexView, rows } from './kept-index-log';
import { Interner } from '../../../src/main/log-index/intern';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { indexOneLogCached } from '../../../src/main/log-index/index-folder';
import {
  indexPathOf,
  restoreIndex,
  restoreIndexStart,
  type IndexCacheOptions,
} from '../../../src/main/log-index/persisted-index';

const BLOCK_ROWS = 64;

function interners() {
  return { reasons: new Interner(), usernames: new Interner() };
}

/** A folder whose log has `count` rows and whose index was written in blocks of BLOCK_ROWS rows. */
async function indexedFolder(count: number) {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-blocks-'));
  writeFileSync(join(root, 'log.csv'), HEADER + rows(0, count));
  const cache: IndexCacheOptions = {
    dataDir: mkdtempSync(join(tmpdir(), 'flagdeck-data-')),
    minBytes: 1,
    blockRows: BLOCK_ROWS,
  };
  const fresh = await open(root, cache);
  const file = await indexPathOf(new LogIndex(join(root, 'log.csv'), shape()), cache);
  return { root, cache, fresh, file };
}

const shape = () => csvLoggerShape('log.csv', HEADER);

async function open(root: string, cache?: IndexCacheOptions) {
  const names = interners();
  const { log, restored } = await indexOneLogCached(root, shape(), names, undefined, cache);
  return { restored, view: indexView(log, names) };
}

/** Flips one bit of the usernames column at row `row` (the last column: its bytes end the columns). */
function flipUsernameOf(file: string, row: number, count: number): void {
  const bytes = readFileSync(file);
  const tableBytes = Math.ceil(count / BLOCK_ROWS) * 6 * 4 + 4;
  bytes[bytes.length - tableBytes - (count - row) * 4] ^= 0x01;
  writeFileSync(file, bytes);
}

describe('persisted index in blocks', () => {
  it('gives the first block at once and every row after the rest is checked', async () => {
    const { root, cache, fresh } = await indexedFolder(300);
    const log = new LogIndex(join(root, 'log.csv'), shape());
    const names = interners();
    const size = statSync(join(root, 'log.csv')).size;
    const { restored, rest } = await restoreIndexStart(log, names, cache, size);
    // The first block's rows, up to the start of its last one (whose offset is checked too).
    expect(restored).toEqual({ kind: 'reused', rows: BLOCK_ROWS - 1 });
    const first = indexView(log, names);
    expect(first.starts).toEqual(fresh.view.starts.slice(0, BLOCK_ROWS - 1));
    expect(first.reasons).toEqual(fresh.view.reasons.slice(0, BLOCK_ROWS - 1));
    expect(first.end).toBe(fresh.view.starts[BLOCK_ROWS - 1]);
    expect(first.line).toBe(fresh.view.lines[BLOCK_ROWS - 1]);
    expect(await rest?.()).toEqual({ kind: 'reused', rows: 300 });
    expect(indexView(log, names)).toEqual(fresh.view);
    // Every row restored into shared memory: a query's worker reads them where they are.
    for (const column of [log.starts, log.lengths, log.lines, log.reasons, log.usernames, log.timestamps])
      expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('takes a log of one block whole at once', async () => {
    const { root, cache, fresh } = await indexedFolder(BLOCK_ROWS - 10);
    const log = new LogIndex(join(root, 'log.csv'), shape());
    const names = interners();
    const size = statSync(join(root, 'log.csv')).size;
    const { restored, rest } = await restoreIndexStart(log, names, cache, size);
    expect(restored).toEqual({ kind: 'reused', rows: BLOCK_ROWS - 10 });
    expect(rest).toBeUndefined();
    expect(indexView(log, names)).toEqual(fresh.view);
  });

  it('keeps the checked first rows and never uses a later block that is bit-flipped', async () => {
    const { root, cache, fresh, file } = await indexedFolder(300);
    flipUsernameOf(file, 200, 300);
    const log = new LogIndex(join(root, 'log.csv'), shape());
    const names = interners();
    const size = statSync(join(root, 'log.csv')).size;
    const { restored, rest } = await restoreIndexStart(log, names, cache, size);
    expect(restored).toEqual({ kind: 'reused', rows: BLOCK_ROWS - 1 });
    expect(await rest?.()).toEqual({ kind: 'ignored', reason: expect.stringMatching(/damaged/) });
    expect(log.count).toBe(BLOCK_ROWS - 1);
    // All at once (`flagdeck inspect`, which collects every scanned row's cells), nothing is taken.
    const whole = new LogIndex(join(root, 'log.csv'), shape());
    expect(await restoreIndex(whole, interners(), cache, size)).toEqual({
      kind: 'ignored',
      reason: expect.stringMatching(/damaged/),
    });
    expect(whole.count).toBe(0);
    expect(whole.indexedEnd).toBe(shape().dataStart);
    // Opened as a whole, the log is read on from the checked rows and its index written again.
    const reopened = await open(root, cache);
    expect(reopened.restored).toEqual({ kind: 'ignored', reason: expect.stringMatching(/damaged/) });
    expect(reopened.view).toEqual(fresh.view);
    expect((await open(root, cache)).restored).toEqual({ kind: 'reused', rows: 300 });
  });

  it('uses nothing of a file whose first block is bit-flipped', async () => {
    const { root, cache, fresh, file } = await indexedFolder(300);
    flipUsernameOf(file, 5, 300);
    const log = new LogIndex(join(root, 'log.csv'), shape());
    const size = statSync(join(root, 'log.csv')).size;
    const { restored, rest } = await restoreIndexStart(log, interners(), cache, size);
    expect(restored).toEqual({ kind: 'ignored', reason: expect.stringMatching(/damaged/) });
    expect(rest).toBeUndefined();
    expect(log.count).toBe(0);
    expect((await open(root, cache)).view).toEqual(fresh.view);
  });

  it('uses nothing of a file whose block checksums were altered', async () => {
    const { root, cache, file } = await indexedFolder(300);
    const bytes = readFileSync(file);
    bytes[bytes.length - 8] ^= 0x01; // the table's last checksum: covered by the file's last one
    writeFileSync(file, bytes);
    const log = new LogIndex(join(root, 'log.csv'), shape());
    const size = statSync(join(root, 'log.csv')).size;
    const { restored } = await restoreIndexStart(log, interners(), cache, size);
    expect(restored).toEqual({ kind: 'ignored', reason: expect.stringMatching(/damaged/) });
    expect(log.count).toBe(0);
  });
});

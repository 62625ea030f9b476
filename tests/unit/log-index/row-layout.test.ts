// How a log's rows are written, as the index keeps it: a log whose rows all have as many fields and
// no quote kept literally is read from a record's end for its later columns (query/plain-field.ts).
// Anything else, or not knowing, keeps every read walking from the record's start.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvLoggerShape } from './csv-logger-shape';
import { HEADER, rows } from './kept-index-log';
import { Interner } from '../../../src/main/log-index/intern';
import { indexOneLogCached } from '../../../src/main/log-index/index-folder';
import { persistIndex, type IndexCacheOptions } from '../../../src/main/log-index/persisted-index';
import { indexLog } from '../../../src/main/log-index/index-log';

const names = () => ({ reasons: new Interner(), usernames: new Interner() });

function folderWith(content: string) {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-layout-'));
  writeFileSync(join(root, 'log.csv'), content);
  const cache: IndexCacheOptions = { dataDir: mkdtempSync(join(tmpdir(), 'flagdeck-data-')), minBytes: 1 };
  return { root, cache };
}

const open = (root: string, cache?: IndexCacheOptions, interners = names()) =>
  indexOneLogCached(root, csvLoggerShape('log.csv', HEADER), interners, undefined, cache);

describe("a log's row layout", () => {
  it('says how many fields every row has when all have as many and quote plainly', async () => {
    const { root } = folderWith(HEADER + rows(0, 300));
    expect((await open(root)).log.uniformFields()).toBe(4);
  });

  it.each([
    ['a quote inside an unquoted cell', 'say "hi",wrong,,2024-01-01 00:00:00\r\n'],
    ['text after a closing quote', '"say" hi,wrong,,2024-01-01 00:00:00\r\n'],
    ['a row with a field more', 'x,wrong,,2024-01-01 00:00:00,extra\r\n'],
    ['a row with a field less', 'x,wrong,2024-01-01 00:00:00\r\n'],
  ])('knows no such count once a log holds %s, also when it comes in an append', async (_, odd) => {
    const { root } = folderWith(HEADER + rows(0, 50) + odd + rows(50, 100));
    expect((await open(root)).log.uniformFields()).toBe(0);
    const appended = folderWith(HEADER + rows(0, 50));
    const { log } = await open(appended.root);
    expect(log.uniformFields()).toBe(4);
    appendFileSync(join(appended.root, 'log.csv'), odd);
    await indexLog(log, names(), { final: true });
    expect(log.uniformFields()).toBe(0);
  });

  it('is kept in the persisted index; an index file that does not say is read as not knowing', async () => {
    const { root, cache } = folderWith(HEADER + rows(0, 300));
    await open(root, cache);
    const interners = names();
    const reopened = await open(root, cache, interners);
    expect(reopened.restored).toEqual({ kind: 'reused', rows: 300 });
    expect(reopened.log.uniformFields()).toBe(4);
    // As an index file of a Flagdeck that did not keep it.
    reopened.log.layout = null;
    await persistIndex(reopened.log, interners, cache);
    const older = await open(root, cache);
    expect(older.restored).toEqual({ kind: 'reused', rows: 300 });
    expect(older.log.uniformFields()).toBe(0);
  });
});

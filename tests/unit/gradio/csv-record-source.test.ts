// The reference RecordSource: records with exact byte ranges and lines, resumable, tail-aware.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CsvDialect, RawRecord } from '../../../src/main/gradio/log-model';
import { CsvRecordSource } from '../../../src/main/gradio/csv-record-source';
import { recordHash } from '../../../src/main/gradio/record-hash';

const dialect: CsvDialect = { quote: '"', bomLength: 0, encoding: 'utf-8' };

function write(content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'flagdeck-source-')), 'log.csv');
  writeFileSync(file, content);
  return file;
}

async function collect(file: string, options?: { start?: number; line?: number; final?: boolean }) {
  const records: RawRecord[] = [];
  for await (const record of new CsvRecordSource().records(file, dialect, options)) records.push(record);
  return records;
}

describe('CsvRecordSource', () => {
  const content = 'a,b\r\n"multi\nline",2\n\r\nc,"d, e"\r\n';

  it('gives each record its cells, first line, byte range, terminator and hash', async () => {
    const file = write(content);
    const records = await collect(file, { final: true });
    expect(records.map((r) => [r.cells, r.line, r.start, r.end, r.eol])).toEqual([
      [['a', 'b'], 1, 0, 5, 'crlf'],
      [['multi\nline', '2'], 2, 5, 20, 'lf'],
      [['c', 'd, e'], 5, 22, 32, 'crlf'],
    ]);
    const bytes = readFileSync(file);
    for (const record of records) {
      expect(record.hash).toBe(recordHash(bytes.subarray(record.start, record.end)));
    }
  });

  it('resumes from a record boundary with the same records', async () => {
    const file = write(content);
    const all = await collect(file, { final: true });
    expect(await collect(file, { start: all[1].start, final: true })).toEqual(all.slice(1));
    expect(await collect(file, { start: all[2].start, line: 5, final: true })).toEqual(all.slice(2));
  });

  it('holds back a last record without its terminator unless final', async () => {
    const file = write('a,b\r\nhalf,"writ');
    expect((await collect(file)).map((r) => r.cells)).toEqual([['a', 'b']]);
    appendFileSync(file, 'ten"\r\n');
    expect((await collect(file, { start: 5 })).map((r) => r.cells)).toEqual([['half', 'written']]);
    const tail = write('a,b\r\nlast,row');
    expect((await collect(tail)).map((r) => r.cells)).toEqual([['a', 'b']]);
    expect((await collect(tail, { final: true })).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['last', 'row'],
    ]);
  });

  it('keeps byte offsets exact across multi-byte characters and chunk boundaries', async () => {
    const cell = 'é'.repeat(40_000); // 80,000 bytes: crosses the 64 KiB read size mid-character
    const file = write(`x,${cell}\r\ny,ü\r\n`);
    const records = await collect(file, { final: true });
    expect(records.map((r) => r.cells)).toEqual([
      ['x', cell],
      ['y', 'ü'],
    ]);
    expect(records[1].start).toBe(2 + 80_000 + 2);
    expect(records[1].end).toBe(readFileSync(file).length);
  });

  it("splits a legacy log on ' quotes", async () => {
    const file = write("'a','it''s',3\r\n");
    const records = [];
    for await (const r of new CsvRecordSource().records(file, { ...dialect, quote: "'" }, { final: true }))
      records.push(r);
    expect(records.map((r) => r.cells)).toEqual([['a', "it's", '3']]);
  });
});

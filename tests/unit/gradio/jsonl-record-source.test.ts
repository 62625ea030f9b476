// The HF saver's metadata.jsonl is written at once, without a line end: its line is a record as soon
// as it is a whole JSON object, not only once the file has rested (`final`); a line still being
// written waits; and a line end that comes later, with another record, keeps the lines counted right.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JsonlRecordSource, wholeJsonlSource } from '../../../src/main/gradio/jsonl-record-source';
import type { WholeFile } from '../../../src/main/gradio/whole-file';
import type { CsvDialect } from '../../../src/main/gradio/log-model';

const JSONL: CsvDialect = { quote: '"', bomLength: 0, encoding: 'utf-8', format: 'jsonl' };

async function read(file: string, options: { start?: number; line?: number; final?: boolean }) {
  const records = [];
  for await (const record of new JsonlRecordSource().records(file, undefined, options)) records.push(record);
  return records;
}

const file = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-jsonl-')), 'metadata.jsonl');
  writeFileSync(path, text);
  return path;
};

describe('a metadata.jsonl line without its line end', () => {
  it('is a record at once when it is a whole JSON object', async () => {
    const records = await read(file('{"text": "a", "flag": "wrong"}'), { final: false });
    expect(records.map((r) => [r.line, r.cells, r.start, r.end])).toEqual([[1, ['a', 'wrong'], 0, 30]]);
  });

  it('waits while it is being written, unless the file is final', async () => {
    const path = file('{"text": "a"}\n{"text": "b", "fl');
    expect((await read(path, { final: false })).map((r) => r.cells)).toEqual([['a']]);
    const last = (await read(path, { final: true })).at(-1);
    expect(last?.error?.message).toMatch(/^not a JSON line/);
  });

  it('counts the lines right when its line end comes later with another record', async () => {
    const path = file('{"text": "a"}');
    const [first] = await read(path, { final: false });
    appendFileSync(path, '\n{"text": "b"}\n');
    // Read on from where the first record ended, its next line as the index keeps it.
    const next = await read(path, { start: first.end, line: first.line + 1, final: false });
    expect(next.map((r) => [r.line, r.cells])).toEqual([[2, ['b']]]);
  });

  it('counts a blank line after a whole line as a line', async () => {
    const path = file('{"text": "a"}\n\n{"text": "b"}\n');
    const records = await read(path, { start: 14, line: 2, final: false });
    expect(records.map((r) => [r.line, r.cells])).toEqual([[3, ['b']]]);
  });
});

/** The records of `bytes` in hand, as the source of a whole file gives them. */
async function readWhole(bytes: Buffer, options: { start: number; line?: number; final: boolean }) {
  const whole: WholeFile = { bytes, size: bytes.length, mtimeMs: 0, ino: 0, at: 0 };
  const records = [];
  for await (const record of wholeJsonlSource(whole).records('', JSONL, options)) records.push(record);
  return records;
}

describe('the records of a whole metadata.jsonl in hand (a shape reads the file once)', () => {
  const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/gradio');
  const real = ['3.50.2', '4.44.1'].flatMap((version) => {
    const base = join(fixtures, version, 'hf_saver_dirs/flagged/demo-flags');
    return readdirSync(base, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => readFileSync(join(base, entry.name, 'metadata.jsonl'), 'latin1'));
  });
  const edges = [
    '{"text": "a"}\n{"text": "b"}\n',
    '{"text": "a"}\r\n\r\n{"text": "b"}',
    '\n\n{"text": "é ✓"}\n   \n',
    '{"text": "a"}\n{"text": "b", "fl\n[1, 2]\n"plain"\n{"text": "c"}',
    '',
  ];

  it('are what the source yields reading the file to its end, for real and odd files', async () => {
    expect(real.length).toBeGreaterThan(5);
    for (const text of [...real, ...edges]) {
      const bytes = Buffer.from(text, 'latin1');
      const path = file('');
      writeFileSync(path, bytes);
      expect(
        await readWhole(bytes, { start: 0, line: 1, final: true }),
        JSON.stringify(text.slice(0, 60)),
      ).toEqual(await read(path, { start: 0, line: 1, final: true }));
    }
  });

  it('are read from the bytes in hand as from the file, from its start or a later record, final or not', async () => {
    for (const text of [...real, ...edges]) {
      const bytes = Buffer.from(text, 'latin1');
      const path = file('');
      writeFileSync(path, bytes);
      const first = (await read(path, { start: 0, line: 1, final: true }))[0];
      // A later record's line given, or counted from the bytes before it.
      const later = first ? [{ start: first.end, line: first.line + 1 }, { start: first.end }] : [];
      const starts = [{ start: 0, line: 1 }, ...later];
      // The file is emptied: records that still come are the bytes', never the disk's.
      writeFileSync(path, '');
      for (const at of starts)
        for (const final of [true, false]) {
          writeFileSync(path, bytes);
          const expected = await read(path, { ...at, final });
          writeFileSync(path, '');
          expect(
            await readWhole(bytes, { ...at, final }),
            JSON.stringify([text.slice(0, 40), at, final]),
          ).toEqual(expected);
        }
    }
  });

  it('give each record its line, a blank line counted', async () => {
    const bytes = Buffer.from('{"a": 1}\n\n{"a": 2}\n{"a": 3}\n');
    const records = await readWhole(bytes, { start: 0, line: 1, final: true });
    expect(records.slice(0, 2).map((record) => [record.line, record.cells])).toEqual([
      [1, ['1']],
      [3, ['2']],
    ]);
  });
});

// The HF saver's metadata.jsonl is written at once, without a line end: its line is a record as soon
// as it is a whole JSON object, not only once the file has rested (`final`); a line still being
// written waits; and a line end that comes later, with another record, keeps the lines counted right.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlRecordSource } from '../../../src/main/gradio/jsonl-record-source';

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

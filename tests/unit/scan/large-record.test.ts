// A record over 8 MiB gets the same answer from the reader (csv-parse refuses it: max_record_size)
// and from the byte scanner the index uses: no cells, an error on its line, reading resumes on the
// next line. The files are made here, not committed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../src/main/gradio/read-log';
import { FolderReader } from '../../../src/main/gradio/reader';
import { indexFolder } from '../../../src/main/log-index/index-folder';
import { expectAgreement } from './support/agreement';

const MIB = 1024 * 1024;
const HEADER = 'text,flag,username,timestamp\r\n';
const row = (text: string, second: number) => `${text},,,2024-05-01 10:00:0${second}\r\n`;

function folderWith(content: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-large-record-'));
  writeFileSync(join(folder, 'log.csv'), content);
  return folder;
}

async function expectSameAnswer(folder: string): Promise<void> {
  const file = join(folder, 'log.csv');
  const dialect = { quote: '"' as const, bomLength: 0, encoding: 'utf-8' as const };
  await expectAgreement(file, dialect);
  await expectAgreement(file, dialect, 1024 * 1024);
  const read = await readLog(new FolderReader(), folder, 'log.csv');
  const [indexed] = await indexFolder(folder);
  expect(indexed.count).toBe(read.rows.length);
  expect(Array.from(indexed.lines.subarray(0, indexed.count))).toEqual(read.rows.map((r) => r.line));
  // readLog also notes mixed line endings, which the index does not look for.
  const recordErrors = read.errors.filter((error) => !error.message.includes('line endings'));
  expect(indexed.errors).toEqual(recordErrors);
}

describe('a record over 8 MiB', () => {
  it('on one line: refused by both, the rows around it read', async () => {
    const folder = folderWith(HEADER + row('before', 1) + row('x'.repeat(9 * MIB), 2) + row('after', 3));
    await expectSameAnswer(folder);
    const { rows, errors } = await readLog(new FolderReader(), folder, 'log.csv');
    expect(rows.map((r) => r.cells[0].text)).toEqual(['before', 'after']);
    expect(errors).toEqual([{ line: 3, message: 'record larger than 8 MiB starting on line 3' }]);
  }, 60_000);

  it('quoted over several lines: the same answer from both', async () => {
    const cell = `"${'y'.repeat(3 * MIB)}\n""quoted""\n${'z'.repeat(6 * MIB)}"`;
    await expectSameAnswer(folderWith(HEADER + row(cell, 1) + row('after', 2)));
  }, 60_000);

  it('just under 8 MiB: a row for both', async () => {
    const folder = folderWith(HEADER + row('w'.repeat(8 * MIB - 64), 1) + row('after', 2));
    await expectSameAnswer(folder);
    const { rows, errors } = await readLog(new FolderReader(), folder, 'log.csv');
    expect(rows).toHaveLength(2);
    expect(errors).toEqual([]);
  }, 60_000);
});

// A `column = value` filter marks the rows whose cell, as the reader shows it, is a wanted value:
// the same rows whether one thread tests the log or a worker tests its later half.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { FolderReader } from '../../../src/main/gradio/reader';
import { Interner } from '../../../src/main/log-index/intern';
import { indexOneLog } from '../../../src/main/log-index/index-folder';
import { ColumnMatches, MATCH_SPLIT } from '../../../src/main/query/column-matches';

const root = mkdtempSync(join(tmpdir(), 'flagdeck-column-matches-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Raw CSV cells of the `chat` column, and what the reader shows for each.
const CELLS: [string, string][] = [
  ['[]', '[]'],
  ['"[]"', '[]'],
  ['', ''],
  ['"[[""hi"", ""there""]]"', '[["hi", "there"]]'],
  ["'=[]", '=[]'],
  ['"two\nlines"', 'two\nlines'],
  ['[ ]', '[ ]'],
  ['"日本"', '日本'],
];

async function log(rows: number) {
  const lines = ['prompt,chat,flag,username,timestamp'];
  for (let i = 0; i < rows; i++)
    lines.push(`p${i},${CELLS[(i * 3) % CELLS.length][0]},,,2024-05-01 10:00:00.000001`);
  writeFileSync(join(root, 'log.csv'), lines.join('\r\n') + '\r\n');
  const shape = await new FolderReader().shapeOf(root, 'log.csv');
  return indexOneLog(root, shape, { reasons: new Interner(), usernames: new Interner() });
}

describe('ColumnMatches', () => {
  for (const [name, minRows] of [
    ['on one thread', Number.MAX_SAFE_INTEGER],
    ['with a worker testing the later half', 2],
  ] as const) {
    it(`marks the rows whose cell is a wanted value, as shown, ${name}`, async () => {
      const saved = MATCH_SPLIT.minRows;
      MATCH_SPLIT.minRows = minRows;
      MATCH_SPLIT.last = 'none';
      onTestFinished(() => {
        MATCH_SPLIT.minRows = saved;
      });
      const indexed = await log(101);
      for (const values of [['[]'], ['=[]', '[["hi", "there"]]'], [''], ['two\nlines', '日本']]) {
        const hits = await new ColumnMatches(1, values).update(indexed);
        const expected = Array.from({ length: 101 }, (_, i) =>
          values.includes(CELLS[(i * 3) % CELLS.length][1]) ? 1 : 0,
        );
        expect([...hits.subarray(0, 101)], values.join(' | ')).toEqual(expected);
      }
      expect(MATCH_SPLIT.last).toBe(minRows === 2 ? 'two threads' : 'none');
    });
  }
});

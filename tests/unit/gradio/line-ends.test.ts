// A log written with classic Mac line ends (a lone CR after every record) is read row by row, the
// same way by the reader and by the byte scanner the index uses.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../src/main/gradio/read-log';
import { FolderReader } from '../../../src/main/gradio/reader';
import { indexFolder } from '../../../src/main/log-index/index-folder';

describe('lone-CR line ends', () => {
  it('reads every record, with its line, in the reader and in the index', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flagdeck-cr-'));
    const records = [
      'text,flag,username,timestamp',
      'first,,,2024-05-01 10:00:00',
      '"two\nlines",wrong,ann,2024-05-01 10:00:01',
      'third,,,2024-05-01 10:00:02',
    ];
    writeFileSync(join(folder, 'log.csv'), records.join('\r') + '\r');
    const { shape, rows, errors } = await readLog(new FolderReader(), folder, 'log.csv');
    expect(shape.layout).toBe('csv-logger');
    expect(errors).toEqual([]);
    expect(rows.map((row) => [row.line, row.cells[0].text])).toEqual([
      [2, 'first'],
      [3, 'two\nlines'],
      [5, 'third'],
    ]);
    const [log] = await indexFolder(folder);
    expect(log.count).toBe(3);
    expect(Array.from(log.lines.subarray(0, 3))).toEqual([2, 3, 5]);
  });
});

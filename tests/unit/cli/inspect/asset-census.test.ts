// `flagdeck inspect` on a log of 8 MB or more counts every asset reference of every row, through
// the index's scan, and finds exactly what reading the whole log cell by cell finds.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFolder } from '../../../../src/main/cli/inspect/inspect-folder';
import { summarizeByIndex } from '../../../../src/main/cli/inspect/summarize-by-index';

const ROWS = 4500;
const PADDING = 'x'.repeat(2000);

function imageCell(row: number): string {
  if (row % 500 === 7) return '../../../../etc/passwd';
  if (row % 500 === 11) return '/etc/hostname';
  if (row % 500 === 13) return `C:\\Users\\ann\\AppData\\Local\\Temp\\gradio\\${row}\\photo.png`;
  if (row % 500 === 17) return 'IMG/Shot One.PNG'; // present as `img/shot one.png`: matched loosely
  if (row % 500 === 19) return `"flagged/image/${row}/a,b.png"`; // quoted
  if (row % 100 === 50) return `img/${row}.png`; // present, in the middle rows too
  if (row % 3 === 0) return ''; // nothing uploaded
  return `flagged/image/${row.toString(16).padStart(8, '0')}/upload.png`; // gone
}

function chatCell(row: number): string {
  const file =
    row % 700 === 42
      ? `, {"role": "user", "content": {"path": "img/${row % 100 === 50 ? row : 1}.png"}}`
      : '';
  const chat = `[{"role": "user", "content": "row ${row}"}${file}]`;
  return `"${chat.replaceAll('"', '""')}"`;
}

function bigFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-census-'));
  mkdirSync(join(folder, 'img'));
  for (let row = 50; row < ROWS; row += 100) writeFileSync(join(folder, 'img', `${row}.png`), 'png');
  writeFileSync(join(folder, 'img', '1.png'), 'png');
  writeFileSync(join(folder, 'img', 'shot one.png'), 'png');
  const lines = ['prompt,photo,chat,flag,username,timestamp\r\n'];
  for (let row = 1; row <= ROWS; row++) {
    const cells = [`${PADDING} ${row}`, imageCell(row), chatCell(row), '', '', '2024-05-01 10:00:00'];
    lines.push(cells.join(',') + '\r\n');
  }
  writeFileSync(join(folder, 'log.csv'), lines.join(''));
  return folder;
}

describe('inspect on a large log', () => {
  it('counts every reference of every row, as reading every cell does', async () => {
    const folder = bigFolder();
    expect(statSync(join(folder, 'log.csv')).size).toBeGreaterThan(8 * 1024 * 1024);
    const fast = await inspectFolder(folder, summarizeByIndex());
    const read = await inspectFolder(folder);
    expect(fast.report.logs[0].rows).toBe(ROWS);
    expect(fast.report.logs[0].columns.map((column) => column.kind)).toEqual([
      'text',
      'image',
      'chat',
      'flag',
      'username',
      'timestamp',
    ]);
    expect(fast.report.assets).toEqual(read.report.assets);
    expect(fast.report.assets.resolved).toBe(47);
    expect(fast.report.assets.outside).toBe(2);
    expect(fast.report.assets.missing).toBeGreaterThan(2500);
    expect(fast.details[0].warnings).toEqual([]);
  }, 60_000);
});

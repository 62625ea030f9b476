// `flagdeck inspect` on a log of 8 MB or more counts every asset reference of every row, through
// the index's scan, and finds exactly what reading the whole log cell by cell finds.
import { mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fs } from '../../../../src/main/platform/node-fs';
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

/** A folder as Gradio 4-6 write it: each file in a hash directory of its own, most of them there. */
function hashedFolder(): { folder: string; rows: number } {
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-census-hashed-'));
  const outside = join(mkdtempSync(join(tmpdir(), 'flagdeck-census-outside-')), 'outside.png');
  writeFileSync(outside, 'not in the folder');
  const hash = (row: number): string => row.toString(16).padStart(20, '0');
  const lines = ['prompt,photo,flag,username,timestamp\n'];
  const rows = 3000;
  for (let row = 1; row <= rows; row++) {
    const dir = join(folder, 'photo', hash(row));
    let cell = `flagged/photo/${hash(row)}/image.png`;
    if (row % 10 !== 3) mkdirSync(dir, { recursive: true }); // every tenth hash directory is gone
    if (row % 10 < 6 && row % 10 !== 3) writeFileSync(join(dir, 'image.png'), 'png');
    if (row % 10 === 6) writeFileSync(join(dir, 'IMAGE.png'), 'png'); // found loosely, by the listing
    if (row % 10 === 7) symlinkSync(outside, join(dir, 'image.png')); // leads out
    if (row % 10 === 8) {
      // A side JSON file: its content's references count too (the reader's way).
      writeFileSync(join(dir, 'data.json'), JSON.stringify({ path: `photo/${hash(row)}/inner.png` }));
      writeFileSync(join(dir, 'inner.png'), 'png');
      cell = `flagged/photo/${hash(row)}/data.json`;
    }
    lines.push(`${PADDING.slice(0, 300)} ${row},${cell},,,2024-05-01 10:00:00\n`);
  }
  writeFileSync(join(folder, 'log.csv'), lines.join(''));
  return { folder, rows };
}

describe('inspect on a folder whose files are in hash directories', () => {
  it('counts them as reading every cell does, and keeps no census (their names were not all read)', async () => {
    const { folder } = hashedFolder();
    const dataDir = mkdtempSync(join(tmpdir(), 'flagdeck-census-hashed-data-'));
    const cached = () => inspectFolder(folder, summarizeByIndex({ cache: { dataDir, minBytes: 0 } }));
    const read = await inspectFolder(folder);
    const readAtOnce = vi.spyOn(fs, 'readdirSync');
    const fast = await cached();
    // The label directory is read once, by the census's walk: findLogs does not read a directory
    // of copies (find-logs.test.ts), and the census does not read one twice.
    const photo = join(folder, 'photo');
    expect(readAtOnce.mock.calls.filter(([dir]) => dir === photo)).toHaveLength(1);
    readAtOnce.mockRestore();
    expect(fast.report).toEqual(read.report);
    // 6 of 10 rows there (one by another case), one a side file naming another: 8 files per 10 rows.
    expect(fast.report.assets).toEqual({ resolved: 2400, missing: 600, outside: 300 });
    expect(
      readdirSync(join(folder, '.flagdeck', 'index')).filter((name) => name.endsWith('.assets')),
    ).toEqual([]);
    expect((await cached()).report).toEqual(read.report);
  }, 60_000);
});

// A shape says which data records it was read from and their bytes: a large log's parallel scan
// sizes its columns from them (log-index/scan-workers.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderReader } from '../../../src/main/gradio/reader';
import { PROBE_ROWS } from '../../../src/main/gradio/column-probe';
import { scannerReader } from '../../../src/main/log-index/scanner-reader';

const HEADER = 'prompt,flag,username,timestamp\n';
const row = (i: number): string =>
  `"prompt ${i}${i % 3 === 0 ? '\nsecond line' : ''}",wrong,,2024-01-01 00:00:0${i % 10}\n`;

function folderWith(rows: number, header = HEADER): string {
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-probe-'));
  writeFileSync(join(folder, 'log.csv'), header + Array.from({ length: rows }, (_, i) => row(i)).join(''));
  return folder;
}

const bytesOf = (rows: number): number =>
  Buffer.byteLength(Array.from({ length: rows }, (_, i) => row(i)).join(''));

describe.each([
  ['the byte scanner', scannerReader],
  ['csv-parse', () => new FolderReader()],
])('a shape read by %s', (_, reader) => {
  it('names the records it probed and their bytes, up to the probe size', async () => {
    const shape = await reader().shapeOf(folderWith(PROBE_ROWS + 50), 'log.csv');
    expect(shape.probe).toEqual({ rows: PROBE_ROWS, bytes: bytesOf(PROBE_ROWS) });
  });

  it('probes every record of a short log', async () => {
    const shape = await reader().shapeOf(folderWith(7), 'log.csv');
    expect(shape.probe).toEqual({ rows: 7, bytes: bytesOf(7) });
  });

  it('has no probe without data rows', async () => {
    expect((await reader().shapeOf(folderWith(0), 'log.csv')).probe).toBeUndefined();
  });
});

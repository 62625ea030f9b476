// An `examples=` directory's log.csv (a header of component names, no flag or timestamp columns)
// is read with its header, not shown with it as a first row; a headerless SimpleCSVLogger log of
// plain words stays headerless.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../src/main/gradio/read-log';
import { FolderReader } from '../../../src/main/gradio/reader';

async function read(content: string) {
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-examples-'));
  writeFileSync(join(folder, 'log.csv'), content);
  return readLog(new FolderReader(), folder, 'log.csv');
}

describe('an examples log.csv', () => {
  it("reads gradio/test_data/flagged_with_log's `input,output` log with its header", async () => {
    const { shape, rows } = await read('input,output\n10,20\n30,60\n');
    expect(shape.layout).toBe('examples');
    expect(shape.columns.map((column) => column.name)).toEqual(['input', 'output']);
    expect(rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['10', '20'],
      ['30', '60'],
    ]);
  });

  it('reads an `im,text` examples log whose first column holds image paths', async () => {
    const { shape, rows } = await read('im,text\nim/bus.png,hello\n');
    expect(shape.layout).toBe('examples');
    expect(shape.columns.map((column) => column.name)).toEqual(['im', 'text']);
    expect(rows).toHaveLength(1);
  });

  it('leaves a SimpleCSVLogger log of plain words headerless', async () => {
    const { shape, rows } = await read('hello,world\r\nfoo,bar\r\n');
    expect(shape.layout).toBe('simple');
    expect(rows).toHaveLength(2);
  });

  it('leaves a SimpleCSVLogger log that starts with data headerless', async () => {
    const { shape, rows } = await read('7,flagged/x/a.png\r\n8,flagged/x/b.png\r\n');
    expect(shape.layout).toBe('simple');
    expect(rows).toHaveLength(2);
  });
});

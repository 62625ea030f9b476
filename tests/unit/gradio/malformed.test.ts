// The malformed-input corpus (tests/fixtures/malformed, written by make_corpus.py): every bad record is
// reported with its line (and field where known), and every good row still loads.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../src/main/gradio/read-log';
import { FolderReader } from '../../../src/main/gradio/reader';

const CORPUS = join(__dirname, '../../fixtures/malformed');

interface Expectation {
  layout: string;
  rowLines: number[];
  errors: [number, number | null, string][];
  warnings?: string[];
  columns?: string[];
  kinds?: string[];
  /** [row index, cell index, display text] */
  cell?: [number, number, string];
}

const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<
  string,
  Expectation
>;
const files = readdirSync(CORPUS).filter((file) => /\.(csv|jsonl)$/.test(file));

describe('malformed-input corpus', () => {
  it('has at least 30 files, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expected).sort()).toEqual([...files].sort());
  });

  it.each(Object.entries(expected))('%s', async (file, expectation) => {
    const log = await readLog(new FolderReader(), CORPUS, file);
    expect(log.shape.layout).toBe(expectation.layout);
    expect(log.rows.map((row) => row.line)).toEqual(expectation.rowLines);
    expect(log.rows.map((row) => row.ordinal)).toEqual(expectation.rowLines.map((_, index) => index + 1));
    expect(log.errors).toHaveLength(expectation.errors.length);
    expectation.errors.forEach(([line, column, message], index) => {
      const error = log.errors[index];
      expect(error.line).toBe(line);
      expect(error.column).toBe(column ?? undefined);
      expect(error.message).toContain(message);
    });
    for (const warning of expectation.warnings ?? []) {
      expect(
        log.shape.warnings.some((text) => text.includes(warning)),
        warning,
      ).toBe(true);
    }
    if (expectation.columns)
      expect(log.shape.columns.map((column) => column.name)).toEqual(expectation.columns);
    if (expectation.kinds) expect(log.shape.columns.map((column) => column.kind)).toEqual(expectation.kinds);
    if (expectation.cell) {
      const [row, cell, text] = expectation.cell;
      expect(log.rows[row].cells[cell].text).toBe(text);
    }
  });

  it('reports a 10 MB cell on its line and still loads the rows around it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flagdeck-big-cell-'));
    const header = 'text,number,flag,username,timestamp\r\n';
    const good = 'ok,1,,,2024-09-01 10:00:00\r\n';
    const big = `"${'x'.repeat(10 * 1024 * 1024)}",2,,,2024-09-01 10:00:01\r\n`;
    writeFileSync(join(folder, 'log.csv'), header + good + big + good);
    const log = await readLog(new FolderReader(), folder, 'log.csv');
    expect(log.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(log.errors).toEqual([{ line: 3, message: expect.stringContaining('larger than 8 MiB') }]);
  });
});

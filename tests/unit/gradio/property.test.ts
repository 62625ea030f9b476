// Property tests: no byte sequence crashes the reader, and rows written like Python's csv module
// (csv-stringify, CRLF, minimal quoting) come back cell for cell.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecordSource } from '../../../src/main/gradio/csv-record-source';
import { readLog } from '../../../src/main/gradio/read-log';
import { FolderReader } from '../../../src/main/gradio/reader';

const folder = mkdtempSync(join(tmpdir(), 'flagdeck-property-'));
let counter = 0;
function writeLog(content: string | Uint8Array): string {
  counter += 1;
  const file = `log${counter}.csv`;
  writeFileSync(join(folder, file), content);
  return file;
}

/** Bytes that stress a CSV reader: separators, both quotes, line ends, NUL, BOM, invalid UTF-8. */
const csvByte = fc.oneof(
  fc.constantFrom(
    ...[0x2c, 0x22, 0x27, 0x0d, 0x0a, 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xc3, 0x61, 0x20, 0x2f, 0x7b, 0x5b],
  ),
  fc.integer({ min: 0, max: 255 }),
);
/** Cell text: any Unicode except NUL, which the reader shows as U+FFFD by design. */
const cellText = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((text) => !text.includes('\0'));
const row = fc
  .array(cellText, { minLength: 1, maxLength: 6 })
  .filter((cells) => !(cells.length === 1 && cells[0] === ''));

describe('reader properties', () => {
  it('never crashes on arbitrary bytes, and reports lines inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(csvByte, { maxLength: 300 }), async (bytes) => {
        const content = Uint8Array.from(bytes);
        const file = writeLog(content);
        const log = await readLog(new FolderReader(), folder, file);
        // Lines end at the log's newline byte: CR in a log whose first record ends with a lone CR.
        const newline = log.shape.dialect.lineEnd === 'cr' ? 0x0d : 0x0a;
        const lines = content.filter((byte) => byte === newline).length + 1;
        for (const issue of [...log.errors, ...log.rows]) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lines);
        }
        const rowLines = log.rows.map((r) => r.line);
        expect(rowLines).toEqual([...rowLines].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back every record csv-stringify wrote, cell for cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const file = writeLog(stringify(rows, { record_delimiter: '\r\n' }));
        const cells: string[][] = [];
        const dialect = { quote: '"' as const, bomLength: 0, encoding: 'utf-8' as const };
        for await (const record of new CsvRecordSource().records(join(folder, file), dialect, {
          final: true,
        })) {
          expect(record.error).toBeUndefined();
          cells.push(record.cells);
        }
        expect(cells).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every raw cell of well-formed rows under a Gradio header', async () => {
    const header = ['text', 'number', 'flag', 'username', 'timestamp'];
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), async (rows) => {
        const file = writeLog(stringify([header, ...rows], { record_delimiter: '\r\n' }));
        const log = await readLog(new FolderReader(), folder, file);
        expect(log.shape.layout).toBe('csv-logger');
        expect(log.rows.map((r) => r.cells.map((cell) => cell.raw))).toEqual(rows);
      }),
      { numRuns: 150 },
    );
  });
});

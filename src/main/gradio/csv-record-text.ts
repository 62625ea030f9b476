// A parsed record plus its bytes (a latin1 string, one char per byte) → the RawRecord the reader gives out.
import type { CsvDialect, LogIssue, RawRecord } from './log-model';
import { decodeCellBytes } from './cell-text';
import { strayQuoteIssue } from './csv-record-issues';
import { recordHash } from './record-hash';
import { newlineByte } from './line-end';

export interface ParsedRecord {
  cells: string[];
  /** Byte offset just past the record's terminator. */
  end: number;
}

/** The RawRecord for `text` (the record's bytes), or undefined for a blank line. */
export function toRawRecord(
  parsed: ParsedRecord,
  text: string,
  where: { start: number; line: number },
  dialect: CsvDialect,
  strayField: number | undefined,
): RawRecord | undefined {
  const eol = lineEndOf(text, dialect);
  const body = text.slice(0, text.length - (eol === 'crlf' ? 2 : eol ? 1 : 0));
  if (body === '') return undefined;
  const { line } = where;
  let error: LogIssue | undefined = strayField === undefined ? undefined : strayQuoteIssue(line, strayField);
  const cells = parsed.cells.map((raw, index) => {
    const decoded = decodeCellBytes(raw, dialect.encoding);
    if (decoded.problem && !error) {
      error = { line, column: index + 1, message: `${decoded.problem} in field ${index + 1}` };
    }
    return decoded.text;
  });
  const record: RawRecord = {
    cells,
    line,
    start: where.start,
    end: parsed.end,
    hash: recordHash(Buffer.from(body, 'latin1')),
  };
  if (eol) record.eol = eol;
  if (error) record.error = error;
  return record;
}

function lineEndOf(text: string, dialect: CsvDialect): RawRecord['eol'] {
  if (dialect.lineEnd === 'cr') return text.endsWith('\r') ? 'cr' : undefined;
  return text.endsWith('\r\n') ? 'crlf' : text.endsWith('\n') ? 'lf' : undefined;
}

/** Lines are counted at the log's newline byte, as editors do (csv-parse's own count mixes both). */
export function countLineFeeds(text: string, dialect: CsvDialect): number {
  const newline = String.fromCharCode(newlineByte(dialect));
  let count = 0;
  for (let at = text.indexOf(newline); at >= 0; at = text.indexOf(newline, at + 1)) count += 1;
  return count;
}

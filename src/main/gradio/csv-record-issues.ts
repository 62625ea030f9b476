// What went wrong in a CSV record, found and worded for the user (line, field).
import type { CsvError } from 'csv-parse';
import type { CsvDialect, LogIssue } from './log-model';

/** Larger records are reported, not loaded (a 10 MB cell is a broken log, not a sample). */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/** csv-parse's record delimiters for the log's line end (see line-end.ts). */
export function recordDelimiters(dialect: CsvDialect): string[] {
  return dialect.lineEnd === 'cr' ? ['\r'] : ['\r\n', '\n'];
}

/** The error for a quote that never closed where it should, in 0-based field `field`. */
export function unclosedQuote(field: number): CsvError {
  const error = new Error('quote not closed') as unknown as CsvError;
  return Object.assign(error, { code: 'CSV_QUOTE_NOT_CLOSED', column: field });
}

export function strayQuoteIssue(line: number, field: number): LogIssue {
  return {
    line,
    column: field + 1,
    message: `text after the closing quote in field ${field + 1} (kept as written)`,
  };
}

/** A parser error as an issue on the line where the broken record starts. */
export function describeParseError(error: CsvError, line: number): LogIssue {
  const field = typeof error.column === 'number' ? error.column + 1 : undefined;
  const where = field === undefined ? {} : { column: field };
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const inField = field === undefined ? '' : ` (field ${field})`;
      return { line, ...where, message: `unterminated quoted field${inField} starting on line ${line}` };
    }
    case 'CSV_MAX_RECORD_SIZE':
      return {
        line,
        message: `record larger than ${MAX_RECORD_BYTES / 1024 / 1024} MiB starting on line ${line}`,
      };
    default:
      return { line, ...where, message: `${error.message} (record starting on line ${line})` };
  }
}

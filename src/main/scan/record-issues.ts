// Problems found in a record, worded exactly as the reader's csv-parse RecordSource words them.
import type { LogIssue } from '../../shared/model';

export function unclosedQuoteIssue(line: number, field: number): LogIssue {
  return {
    line,
    column: field,
    message: `unterminated quoted field (field ${field}) starting on line ${line}`,
  };
}

export function strayQuoteIssue(line: number, field: number): LogIssue {
  return { line, column: field, message: `text after the closing quote in field ${field} (kept as written)` };
}

export function cellProblemIssue(line: number, field: number, problem: string): LogIssue {
  return { line, column: field, message: `${problem} in field ${field}` };
}

export function tooLargeIssue(line: number): LogIssue {
  return { line, message: `record larger than 8 MiB starting on line ${line}` };
}

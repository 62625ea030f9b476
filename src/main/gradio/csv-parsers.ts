// csv-parse, in one module that the reader loads on its first CSV read (csv-record-source.ts): a
// command that reads logs through the byte scanner (`flagdeck inspect`, the index) never parses
// its 45 KB, nor loads Node's streams for it.
import { parse, type CsvError, type Parser } from 'csv-parse';
import { parse as parseStrict } from 'csv-parse/sync';
import type { CsvDialect } from './log-model';
import { recordDelimiters } from './csv-record-issues';

export { parse };
export type { CsvError, Parser };

/**
 * The field whose closing quote is followed by other text, if any. csv-parse (relax_quotes, needed for
 * Python's quotes inside unquoted fields) keeps such a field's opening quote, so only records with a
 * cell starting with a quote are checked again, strictly. When that field spans lines, a stray quote
 * has swallowed the rows after it.
 */
export function strayQuoteField(cells: string[], text: string, dialect: CsvDialect): number | undefined {
  const { quote } = dialect;
  if (!cells.some((cell) => cell.startsWith(quote))) return undefined;
  try {
    parseStrict(text, {
      quote,
      escape: quote,
      record_delimiter: recordDelimiters(dialect),
      relax_column_count: true,
    });
    return undefined;
  } catch (error) {
    const { code, column } = error as CsvError & { column?: number };
    return code === 'CSV_INVALID_CLOSING_QUOTE' && typeof column === 'number' ? column : undefined;
  }
}

// The reference the byte scanner must agree with: csv-parse 7 with the reader's options, cells
// decoded by the reader's decodeCellBytes. One place, so every agreement test uses the same.
import { parse } from 'csv-parse';
import { decodeCellBytes } from '../../../src/main/gradio/cellText';
import type { CsvDialect } from '../../../src/main/gradio/contracts';

export interface OracleRecord {
  cells: string[];
  end: number;
}

/** Records csv-parse emitted, and the error code it stopped with, if any. */
export interface OracleResult {
  records: OracleRecord[];
  error?: string;
}

export type OracleDialect = Pick<CsvDialect, 'quote' | 'encoding' | 'bomLength'>;

export function parseWithCsvParse(bytes: Buffer, dialect: OracleDialect): Promise<OracleResult> {
  const records: OracleRecord[] = [];
  return new Promise((resolve) => {
    const parser = parse({
      encoding: 'latin1',
      quote: dialect.quote,
      escape: dialect.quote,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    });
    parser.on('data', ({ record, info }: { record: string[]; info: { bytes: number } }) => {
      records.push({
        cells: record.map((cell) => decodeCellBytes(cell, dialect.encoding).text),
        end: info.bytes + dialect.bomLength,
      });
    });
    parser.on('error', (error: { code?: string }) =>
      resolve({ records, error: error.code ?? String(error) }),
    );
    parser.on('end', () => resolve({ records }));
    parser.end(bytes.subarray(dialect.bomLength));
  });
}

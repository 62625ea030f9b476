import type { CsvDialect, RawRecord, RecordSource } from './log-model';
import { CsvRecordSource } from './csv-record-source';
import { JsonlRecordSource } from './jsonl-record-source';

/**
 * The reader's RecordSource: the HF saver's JSON lines by line, CSV through `csv` (csv-parse by
 * default; `flagdeck inspect` passes the byte scanner's source, log-index/scan-record-source.ts).
 */
export class ReaderRecordSource implements RecordSource {
  private readonly jsonl = new JsonlRecordSource();

  constructor(private readonly csv: RecordSource = new CsvRecordSource()) {}

  records(
    file: string,
    dialect: CsvDialect,
    options?: { start?: number; line?: number; final?: boolean },
  ): AsyncIterable<RawRecord> {
    return dialect.format === 'jsonl'
      ? this.jsonl.records(file, dialect, options)
      : this.csv.records(file, dialect, options);
  }
}

import type { CsvDialect, RawRecord, RecordSource } from './log-model';
import { CsvRecordSource } from './csv-record-source';
import { JsonlRecordSource } from './jsonl-record-source';

/** The reader's RecordSource: CSV through csv-parse, the HF saver's JSON lines by line. */
export class ReaderRecordSource implements RecordSource {
  private readonly csv = new CsvRecordSource();
  private readonly jsonl = new JsonlRecordSource();

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

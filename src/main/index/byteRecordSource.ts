// The fast RecordSource: the byte-level scanner over large reads, decoding every cell.
import type { CsvDialect, RawRecord, RecordSource } from '../gradio/contracts';
import { decodeCellBytes } from '../gradio/cellText';
import { recordHash } from '../gradio/recordHash';
import { FieldBounds } from './csvScan';
import { fieldBytes } from './csvField';
import { scanFileChunks } from './fileChunks';
import { scanStateAt } from './scanPrefix';

export function unclosedQuoteIssue(line: number): NonNullable<RawRecord['error']> {
  return { line, message: 'a quoted field is not closed before the end of the file' };
}

export class ByteRecordSource implements RecordSource {
  constructor(private readonly options: { chunkBytes?: number } = {}) {}

  async *records(
    file: string,
    dialect: CsvDialect,
    options: { start?: number; line?: number; final?: boolean } = {},
  ): AsyncIterable<RawRecord> {
    const quote = dialect.quote.charCodeAt(0);
    const bounds = new FieldBounds();
    const start = Math.max(options.start ?? 0, dialect.bomLength);
    const state = await scanStateAt(file, start, quote, dialect.bomLength);
    if (options.line !== undefined) state.line = options.line;
    const pending: RawRecord[] = [];
    const scan = {
      file,
      quote,
      start,
      state,
      final: options.final ?? true,
      skipEmptyLines: true,
      chunkBytes: this.options.chunkBytes,
    };
    const chunks = scanFileChunks(
      scan,
      bounds,
      (chunk) => (recordStart, recordEnd, line, count, unclosed) => {
        const cells = new Array<string>(count);
        let error: RawRecord['error'];
        for (let i = 0; i < count; i++) {
          const bytes = fieldBytes(chunk.buf, bounds.starts[i], bounds.ends[i], quote);
          const decoded = decodeCellBytes(bytes.toString('latin1'), dialect.encoding);
          cells[i] = decoded.text;
          if (decoded.problem && !error) error = { line, column: i + 1, message: decoded.problem };
        }
        const hash = recordHash(chunk.buf.subarray(recordStart, recordEnd));
        const record: RawRecord = {
          cells,
          line,
          start: chunk.base + recordStart,
          end: chunk.base + recordEnd,
          hash,
        };
        if (unclosed) error = unclosedQuoteIssue(line);
        if (error) record.error = error;
        pending.push(record);
      },
    );
    for await (const _chunk of chunks) yield* pending.splice(0);
  }
}

// A test oracle: a RecordSource over the byte-level scanner in large reads, decoding every cell,
// so the scanner can be checked against the reader's CsvRecordSource (the app runs the scanner in
// scan-job.ts instead).
import type { CsvDialect, RawRecord, RecordSource } from '../../src/main/gradio/log-model';
import { decodeCellBytes } from '../../src/main/gradio/cell-text';
import { lineAt } from '../../src/main/gradio/line-starts';
import { newlineByte, recordBodyEnd } from '../../src/main/gradio/line-end';
import { recordHash } from '../../src/main/gradio/record-hash';
import { FieldBounds } from '../../src/main/scan/csv-scan';
import { fieldBytes } from '../../src/main/scan/csv-field';
import { scanFileChunks, type ScannedChunk } from './file-chunks';
import {
  cellProblemIssue,
  strayQuoteIssue,
  tooLargeIssue,
  unclosedQuoteIssue,
} from '../../src/main/scan/record-issues';

function toRecord(
  chunk: ScannedChunk,
  bounds: FieldBounds,
  dialect: CsvDialect,
  span: {
    start: number;
    end: number;
    line: number;
    count: number;
    unclosed: boolean;
    stray: number;
    tooLarge?: boolean;
  },
): RawRecord {
  const { buf, base } = chunk;
  const { start, end, line, count } = span;
  const quote = dialect.quote.charCodeAt(0);
  if (span.unclosed) {
    const hash = recordHash(buf.subarray(start, end));
    return {
      cells: [],
      line,
      start: base + start,
      end: base + end,
      hash,
      error: span.tooLarge ? tooLargeIssue(line) : unclosedQuoteIssue(line, count + 1),
    };
  }
  const cells = new Array<string>(count);
  let error: RawRecord['error'] = span.stray >= 0 ? strayQuoteIssue(line, span.stray + 1) : undefined;
  for (let i = 0; i < count; i++) {
    const bytes = fieldBytes(buf, bounds.starts[i], bounds.ends[i], quote);
    const decoded = decodeCellBytes(bytes.toString('latin1'), dialect.encoding);
    cells[i] = decoded.text;
    if (decoded.problem && !error) error = cellProblemIssue(line, i + 1, decoded.problem);
  }
  const newline = newlineByte(dialect);
  const body = recordBodyEnd(buf, start, end, newline);
  const eol = body === end ? undefined : newline === 13 ? 'cr' : end - body === 2 ? 'crlf' : 'lf';
  const record: RawRecord = {
    cells,
    line,
    start: base + start,
    end: base + end,
    hash: recordHash(buf.subarray(start, body)),
  };
  if (eol) record.eol = eol;
  if (error) record.error = error;
  return record;
}

export class ByteRecordSource implements RecordSource {
  constructor(private readonly options: { chunkBytes?: number } = {}) {}

  async *records(
    file: string,
    dialect: CsvDialect,
    options: { start?: number; line?: number; final?: boolean } = {},
  ): AsyncIterable<RawRecord> {
    const start = Math.max(options.start ?? 0, dialect.bomLength);
    const line = options.line ?? (await lineAt(file, start, newlineByte(dialect)));
    const bounds = new FieldBounds();
    const pending: RawRecord[] = [];
    const scan = {
      file,
      quote: dialect.quote.charCodeAt(0),
      newline: newlineByte(dialect),
      start,
      state: { line },
      final: options.final ?? false,
      chunkBytes: this.options.chunkBytes,
    };
    const chunks = scanFileChunks(scan, bounds, (chunk) => (s, e, l, count, unclosed, stray, tooLarge) => {
      const span = { start: s, end: e, line: l, count, unclosed, stray, tooLarge };
      pending.push(toRecord(chunk, bounds, dialect, span));
    });
    for await (const _chunk of chunks) yield* pending.splice(0);
  }
}

// A RecordSource over the byte-level scanner in large reads, decoding every cell: what `flagdeck
// inspect` reads a CSV log's header and first rows with (csv-parse is not loaded for it), and the
// scanner's oracle in the tests, which check it against the reader's CsvRecordSource record for
// record (tests/unit/scan/byte-record-source.test.ts).
import type { CsvDialect, RawRecord, RecordSource } from '../gradio/log-model';
import { decodeCellBytes } from '../gradio/cell-text';
import { lineAt } from '../gradio/line-starts';
import { newlineByte, recordBodyEnd } from '../gradio/line-end';
import { recordHash } from '../gradio/record-hash';
import { FieldBounds } from '../scan/csv-scan';
import { fieldBytes } from '../scan/csv-field';
import { scanFileChunks, type ScannedChunk } from './scan-chunks';
import { cellProblemIssue, strayQuoteIssue, tooLargeIssue, unclosedQuoteIssue } from '../scan/record-issues';

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
    const broken = {
      cells: [],
      line,
      start: base + start,
      end: base + end,
      error: span.tooLarge ? tooLargeIssue(line) : unclosedQuoteIssue(line, count + 1),
    };
    return withLazyHash(broken, buf.subarray(start, end));
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
  const record = withLazyHash(
    { cells, line, start: base + start, end: base + end },
    buf.subarray(start, body),
  );
  if (eol) record.eol = eol;
  if (error) record.error = error;
  return record;
}

/**
 * Gives `record` its hash, taken when first read: a shape's reader never asks, so `flagdeck inspect`
 * on a small folder never loads crypto. The bytes are copied: the next read reuses the chunk buffer.
 */
function withLazyHash(record: Omit<RawRecord, 'hash'>, bytes: Uint8Array): RawRecord {
  const copy = Buffer.from(bytes);
  let hash: string | undefined;
  const get = (): string => (hash ??= recordHash(copy));
  return Object.defineProperty(record, 'hash', { get, enumerable: true }) as RawRecord;
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

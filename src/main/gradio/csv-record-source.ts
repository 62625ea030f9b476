// The reference RecordSource: csv-parse over a byte stream. Bytes travel as latin1 strings (one char per
// byte) so offsets stay exact and each cell is decoded once, by the dialect's encoding.
import { fs } from '../platform/node-fs';
import { open } from 'node:fs/promises';
import type { CsvError, Parser } from './csv-parsers';
import type { CsvDialect, RawRecord, RecordSource } from './log-model';
import { MAX_RECORD_BYTES, describeParseError, recordDelimiters, unclosedQuote } from './csv-record-issues';
import { countLineFeeds, toRawRecord, type ParsedRecord } from './csv-record-text';
import { lineAt, nextLineStart } from './line-starts';
import { newlineByte } from './line-end';
import { recordHash } from './record-hash';

export { MAX_RECORD_BYTES };
const CHUNK_BYTES = 64 * 1024;

type CsvParsers = typeof import('./csv-parsers');
let parsers: Promise<CsvParsers> | undefined;
/** csv-parse, loaded by the first read that needs it (csv-parsers.ts). */
const loadParsers = (): Promise<CsvParsers> => (parsers ??= import('./csv-parsers'));

interface Resume {
  resume: { start: number; line: number };
}

export class CsvRecordSource implements RecordSource {
  async *records(
    file: string,
    dialect: CsvDialect,
    options: { start?: number; line?: number; final?: boolean } = {},
  ): AsyncIterable<RawRecord> {
    let start = Math.max(options.start ?? 0, dialect.bomLength);
    let line = options.line ?? (await lineAt(file, start, newlineByte(dialect)));
    const csv = await loadParsers();
    // After a record it cannot read, parsing starts again on the next physical line.
    for (;;) {
      let resume: Resume['resume'] | undefined;
      for await (const item of new ParsePass(csv, file, dialect, start, line).run(options.final ?? false)) {
        if ('resume' in item) resume = item.resume;
        else yield item;
      }
      if (!resume) return;
      ({ start, line } = resume);
    }
  }
}

function settle(run: (done: (error?: Error | null) => void) => void): Promise<CsvError | undefined> {
  return new Promise((resolve) => run((error) => resolve((error as CsvError | null) ?? undefined)));
}

/** One csv-parse run from a record boundary, holding only the bytes of records not yet given out. */
class ParsePass {
  private readonly queue: ParsedRecord[] = [];
  private readonly parser: Parser;
  private window = '';
  private windowBase: number;
  private recordStart: number;
  /** A quoted field that ran across lines into later records (0-based field). */
  private runaway: number | undefined;

  constructor(
    private readonly csv: CsvParsers,
    private readonly file: string,
    private readonly dialect: CsvDialect,
    start: number,
    private recordLine: number,
  ) {
    this.windowBase = start;
    this.recordStart = start;
    this.parser = csv.parse({
      encoding: 'latin1',
      quote: dialect.quote,
      escape: dialect.quote,
      record_delimiter: recordDelimiters(dialect),
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_RECORD_BYTES,
      bom: false,
      on_record: (record: string[], info) => {
        this.queue.push({ cells: record, end: start + info.bytes });
        return null;
      },
    });
    this.parser.on('error', () => undefined); // reported through the write/end callbacks
  }

  async *run(final: boolean): AsyncGenerator<RawRecord | Resume> {
    const stream = fs.createReadStream(this.file, { start: this.windowBase, highWaterMark: CHUNK_BYTES });
    try {
      for await (const chunk of stream) {
        const bytes = chunk as Buffer;
        this.window += bytes.toString('latin1');
        const error = await settle((done) => this.parser.write(bytes, done));
        yield* this.drain(true);
        if (this.runaway !== undefined) return yield* this.fail(unclosedQuote(this.runaway));
        if (error) return yield* this.fail(error);
      }
      // csv-parse keeps the last record until the input ends, so end it even when not final; without
      // `final`, a last record with no terminator (or a quote still open) may be half-written: leave it.
      const error = await settle((done) => this.parser.end(done));
      yield* this.drain(final);
      if (!final) return;
      if (this.runaway !== undefined) yield* this.fail(unclosedQuote(this.runaway));
      else if (error) yield* this.fail(error);
    } finally {
      stream.destroy();
    }
  }

  private *drain(keepUnterminated: boolean): Generator<RawRecord> {
    for (const parsed of this.queue.splice(0)) {
      if (this.runaway !== undefined) break;
      const text = this.window.slice(this.recordStart - this.windowBase, parsed.end - this.windowBase);
      const stray = this.csv.strayQuoteField(parsed.cells, text, this.dialect);
      if (stray !== undefined && /[\r\n]/.test(parsed.cells[stray])) {
        this.runaway = stray;
        break;
      }
      const where = { start: this.recordStart, line: this.recordLine };
      const record = toRawRecord(parsed, text, where, this.dialect, stray);
      if (record && !record.eol && !keepUnterminated) break;
      this.recordStart = parsed.end;
      this.recordLine += countLineFeeds(text, this.dialect);
      if (record) yield record;
    }
    // Only when records were given out: re-slicing a long open record on every chunk is quadratic.
    if (this.recordStart > this.windowBase) {
      this.window = this.window.slice(this.recordStart - this.windowBase);
      this.windowBase = this.recordStart;
    }
  }

  /** The unreadable record (no cells) from its start to the next line, then where to resume. */
  private async *fail(error: CsvError): AsyncGenerator<RawRecord | Resume> {
    const resync = await nextLineStart(this.file, this.recordStart, newlineByte(this.dialect));
    // A record refused for its size stops the parse before its first line ends: read the rest.
    const bytes =
      this.windowBase + this.window.length >= resync
        ? Buffer.from(
            this.window.slice(this.recordStart - this.windowBase, resync - this.windowBase),
            'latin1',
          )
        : await readRange(this.file, this.recordStart, resync);
    yield {
      cells: [],
      line: this.recordLine,
      start: this.recordStart,
      end: resync,
      hash: recordHash(bytes),
      error: describeParseError(error, this.recordLine),
    };
    yield { resume: { start: resync, line: this.recordLine + 1 } };
  }
}

async function readRange(file: string, start: number, end: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buf, 0, buf.length, start);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

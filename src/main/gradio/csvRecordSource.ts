// The reference RecordSource: csv-parse over a byte stream. Bytes travel as latin1 strings (one char per
// byte) so offsets stay exact and each cell is decoded once, by the dialect's encoding.
import { createReadStream } from 'node:fs';
import { parse, type CsvError, type Parser } from 'csv-parse';
import { parse as parseStrict } from 'csv-parse/sync';
import type { CsvDialect, LogIssue, RawRecord, RecordSource } from './contracts';
import { decodeCellBytes } from './cellText';
import { lineAt, nextLineStart } from './lineStarts';
import { recordHash } from './recordHash';

/** Larger records are reported, not loaded (a 10 MB cell is a broken log, not a sample). */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

interface Parsed {
  cells: string[];
  end: number;
}
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
    let line = options.line ?? (await lineAt(file, start));
    for (;;) {
      let resume: Resume['resume'] | undefined;
      for await (const item of parsePass(file, dialect, start, line, options.final ?? false)) {
        if ('resume' in item) resume = item.resume;
        else yield item;
      }
      if (!resume) return;
      ({ start, line } = resume);
    }
  }
}

function newParser(dialect: CsvDialect, queue: Parsed[], start: number): Parser {
  return parse({
    encoding: 'latin1',
    quote: dialect.quote,
    escape: dialect.quote,
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
    bom: false,
    on_record: (record: string[], info) => {
      queue.push({ cells: record, end: start + info.bytes });
      return null;
    },
  });
}

function settle(run: (done: (error?: Error | null) => void) => void): Promise<CsvError | undefined> {
  return new Promise((resolve) => run((error) => resolve((error as CsvError | null) ?? undefined)));
}

/** One parser run from `start`; ends with a Resume after a record it could not read. */
async function* parsePass(
  file: string,
  dialect: CsvDialect,
  start: number,
  line: number,
  final: boolean,
): AsyncGenerator<RawRecord | Resume> {
  const queue: Parsed[] = [];
  const parser = newParser(dialect, queue, start);
  parser.on('error', () => undefined); // reported through the write/end callbacks
  let window = '';
  let windowBase = start;
  let recordStart = start;
  let recordLine = line;

  /** A quoted field that ran across lines into later records (its quote never closed where it should). */
  let runaway: { field: number } | undefined;

  function* drain(keepUnterminated = true): Generator<RawRecord> {
    for (const parsed of queue.splice(0)) {
      if (runaway) break;
      const text = window.slice(recordStart - windowBase, parsed.end - windowBase);
      const stray = strayQuoteField(parsed.cells, text, dialect.quote);
      if (stray !== undefined && /[\r\n]/.test(parsed.cells[stray])) {
        runaway = { field: stray };
        break;
      }
      const record = toRecord(parsed, text, recordStart, recordLine, dialect, stray);
      if (record && !record.eol && !keepUnterminated) break;
      recordStart = parsed.end;
      // Lines are counted by LF, as editors do; csv-parse's own count also counts a lone CR.
      recordLine += countLineFeeds(text);
      if (record) yield record;
    }
    window = window.slice(recordStart - windowBase);
    windowBase = recordStart;
  }

  async function* fail(error: CsvError): AsyncGenerator<RawRecord | Resume> {
    const resync = await nextLineStart(file, recordStart);
    const text = window.slice(0, resync - windowBase);
    yield {
      cells: [],
      line: recordLine,
      start: recordStart,
      end: resync,
      hash: recordHash(Buffer.from(text, 'latin1')),
      error: describe(error, recordLine),
    };
    yield { resume: { start: resync, line: recordLine + 1 } };
  }

  const stream = createReadStream(file, { start, highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      window += bytes.toString('latin1');
      const error = await settle((done) => parser.write(bytes, done));
      yield* drain();
      if (runaway) return yield* fail(unclosed(runaway.field));
      if (error) return yield* fail(error);
    }
    // csv-parse keeps the last record until the input ends, so end it even when not final; without
    // `final`, a last record with no terminator (or a quote still open) may be half-written: leave it.
    const error = await settle((done) => parser.end(done));
    yield* drain(final);
    if (!final) return;
    if (runaway) yield* fail(unclosed(runaway.field));
    else if (error) yield* fail(error);
  } finally {
    stream.destroy();
  }
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/**
 * The field whose closing quote is followed by other text, if any. csv-parse (relax_quotes, needed for
 * Python's quotes inside unquoted fields) keeps such a field's opening quote, so only records with a
 * cell starting with a quote are checked again, strictly. When that field spans lines, a stray quote
 * has swallowed the rows after it.
 */
function strayQuoteField(cells: string[], text: string, quote: '"' | "'"): number | undefined {
  if (!cells.some((cell) => cell.startsWith(quote))) return undefined;
  try {
    parseStrict(text, { quote, escape: quote, record_delimiter: ['\r\n', '\n'], relax_column_count: true });
    return undefined;
  } catch (error) {
    const { code, column } = error as CsvError & { column?: number };
    return code === 'CSV_INVALID_CLOSING_QUOTE' && typeof column === 'number' ? column : undefined;
  }
}

function unclosed(field: number): CsvError {
  const error = new Error('quote not closed') as unknown as CsvError;
  return Object.assign(error, { code: 'CSV_QUOTE_NOT_CLOSED', column: field });
}

function toRecord(
  parsed: Parsed,
  text: string,
  start: number,
  line: number,
  dialect: CsvDialect,
  stray: number | undefined,
): RawRecord | undefined {
  const eol = text.endsWith('\r\n') ? 'crlf' : text.endsWith('\n') ? 'lf' : undefined;
  const body = eol === 'crlf' ? text.slice(0, -2) : eol === 'lf' ? text.slice(0, -1) : text;
  if (body === '') return undefined; // a blank line
  let error: LogIssue | undefined;
  if (stray !== undefined) {
    error = {
      line,
      column: stray + 1,
      message: `text after the closing quote in field ${stray + 1} (kept as written)`,
    };
  }
  const cells = parsed.cells.map((raw, index) => {
    const decoded = decodeCellBytes(raw, dialect.encoding);
    if (decoded.problem && !error) {
      error = { line, column: index + 1, message: `${decoded.problem} in field ${index + 1}` };
    }
    return decoded.text;
  });
  const record: RawRecord = {
    cells,
    line,
    start,
    end: parsed.end,
    hash: recordHash(Buffer.from(body, 'latin1')),
  };
  if (eol) record.eol = eol;
  if (error) record.error = error;
  return record;
}

function describe(error: CsvError, line: number): LogIssue {
  const field = typeof error.column === 'number' ? error.column + 1 : undefined;
  const where = field === undefined ? {} : { column: field };
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        line,
        ...where,
        message: `unterminated quoted field${fieldText(field)} starting on line ${line}`,
      };
    case 'CSV_MAX_RECORD_SIZE':
      return {
        line,
        message: `record larger than ${MAX_RECORD_BYTES / 1024 / 1024} MiB starting on line ${line}`,
      };
    default:
      return { line, ...where, message: `${error.message} (record starting on line ${line})` };
  }
}

function fieldText(field: number | undefined): string {
  return field === undefined ? '' : ` (field ${field})`;
}

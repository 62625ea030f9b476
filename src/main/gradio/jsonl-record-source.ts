// Records of the HF saver's `metadata.jsonl` (one JSON object per line): cells are the object's values
// in key order, strings as written and anything else as compact JSON, so cells read like CSV cells.
import type { RawRecord, RecordSource } from './log-model';
import { decodeCellBytes } from './cell-text';
import { lineAt } from './line-starts';
import { recordHash } from './record-hash';
import type { WholeFile } from './whole-file';
import { closeFd, openForReading, readAt, statOfFd } from '../platform/file-calls';

export class JsonlRecordSource implements RecordSource {
  records(
    file: string,
    _dialect: unknown,
    options: { start?: number; line?: number; final?: boolean } = {},
  ): AsyncIterable<RawRecord> {
    return jsonlRecords(
      {
        chunks: (start) => fileChunks(file, start),
        lineAt: (offset) => lineAt(file, offset),
        followsLineEnd: (offset) => followsLineEnd(file, offset),
      },
      options,
    );
  }
}

/** The records of a file already read whole (whole-file.ts), as JsonlRecordSource reads them. */
export function wholeJsonlSource({ bytes }: WholeFile): RecordSource {
  return {
    records: (_file, _dialect, options = {}) =>
      jsonlRecords(
        {
          chunks: (start) => [bytes.subarray(start)],
          lineAt: async (offset) => linesBefore(bytes, offset) + 1,
          followsLineEnd: async (offset) => offset > 0 && bytes[offset - 1] === 0x0a,
        },
        options,
      ),
  };
}

/** Where a file's bytes come from: the disk, or bytes read already. */
interface JsonlBytes {
  chunks(start: number): AsyncIterable<Buffer> | Iterable<Buffer>;
  /** The 1-based line of the byte at `offset`. */
  lineAt(offset: number): Promise<number>;
  /** Whether the byte before `offset` ends a line. */
  followsLineEnd(offset: number): Promise<boolean>;
}

function linesBefore(bytes: Buffer, offset: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < offset; at = bytes.indexOf(0x0a, at + 1)) lines++;
  return lines;
}

async function* jsonlRecords(
  from: JsonlBytes,
  options: { start?: number; line?: number; final?: boolean },
): AsyncIterable<RawRecord> {
  let offset = options.start ?? 0;
  let line = options.line ?? (await from.lineAt(offset));
  let pending = Buffer.alloc(0);
  const start = offset;
  for await (const chunk of from.chunks(offset)) {
    pending = Buffer.concat([pending, chunk]);
    for (let at = pending.indexOf(0x0a); at >= 0; at = pending.indexOf(0x0a)) {
      const record = toRecord(pending.subarray(0, at + 1), offset, line);
      if (record) yield record;
      // A blank first line may end a line taken whole before its line end came (below).
      if (record || offset !== start || start === 0 || (await from.followsLineEnd(start))) line += 1;
      offset += at + 1;
      pending = pending.subarray(at + 1);
    }
  }
  // Gradio writes this file once, without a line end: the last line is complete when final, or
  // at once when it is a whole JSON object (a line cut short by a write under way never is), so
  // a sample flagged while the folder is followed shows without waiting for the file to rest.
  if (pending.length > 0 && (options.final || isWholeJsonObject(pending))) {
    const record = toRecord(pending, offset, line);
    if (record) yield record;
  }
}

/** The longest unended line tried as a whole JSON object (a longer one waits for its line end). */
const WHOLE_LINE_MAX = 1024 * 1024;

/** Whether `bytes`, a line without its line end, is a whole JSON object. */
export function isWholeJsonObject(bytes: Buffer): boolean {
  if (bytes.length === 0 || bytes.length > WHOLE_LINE_MAX) return false;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Whether the byte before `offset` ends a line. */
async function followsLineEnd(file: string, offset: number): Promise<boolean> {
  const fd = await openForReading(file);
  try {
    const byte = Buffer.alloc(1);
    return (await readAt(fd, byte, offset - 1)) === 1 && byte[0] === 0x0a;
  } finally {
    await closeFd(fd);
  }
}

/** Bytes each read takes at most. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The file's bytes from `start` on, in reads sized to what is left: a stream takes 64 KiB for
 * each read, and the HF saver writes a one-line file per flagged sample (5,000 of them allocated
 * 320 MB, and a second of garbage collection, to open their folder).
 */
async function* fileChunks(file: string, start: number): AsyncIterable<Buffer> {
  const fd = await openForReading(file);
  try {
    const { size } = await statOfFd(fd);
    for (let at = start; at < size;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, size - at));
      const bytesRead = await readAt(fd, buffer, at);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
      at += bytesRead;
    }
  } finally {
    await closeFd(fd);
  }
}

function toRecord(bytes: Buffer, start: number, line: number): RawRecord | undefined {
  const { text, problem } = decodeCellBytes(bytes.toString('latin1'), 'utf-8');
  if (text.trim() === '') return undefined;
  const located: Omit<RawRecord, 'cells'> = {
    line,
    start,
    end: start + bytes.length,
    hash: recordHash(bytes),
  };
  if (text.endsWith('\n')) located.eol = text.endsWith('\r\n') ? 'crlf' : 'lf';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ...located,
      cells: [],
      error: { line, message: `not a JSON line: ${(error as Error).message}` },
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ...located, cells: [], error: { line, message: 'JSON line is not an object' } };
  }
  const cells = Object.values(value).map(cellOf);
  return problem
    ? { ...located, cells, error: { line, message: `${problem} in line` } }
    : { ...located, cells };
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The keys of the first object of a metadata.jsonl file: its header. */
export function jsonlHeader(firstLine: string): string[] {
  const value: unknown = JSON.parse(firstLine);
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

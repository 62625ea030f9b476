// One column's values read from a log's bytes, each cell decoded as the reader decodes it (quoting,
// CSV-injection escape) but handed over as UTF-8 bytes in a buffer that the next piece reuses:
// nothing is kept, no string is built for a plainly written cell.
import { fs } from '../platform/node-fs';
import type { LogIndex } from '../log-index/log-index';
import { decodeCellBytes } from '../gradio/cell-text';
import { undoInjectionEscape } from '../gradio/injection-escape';
import { newlineByte, type NewlineByte } from '../gradio/line-end';
import { fieldBytes } from '../scan/csv-field';
import { FieldBounds, scanCsv } from '../scan/csv-scan';
import { findField, newFoundField } from './plain-field';
import { fromEndFields } from './read-direction';
import { WALKER } from './row-walker';

/** 1 MB: kept for the process's life, and as quick to walk as 4 MB (measured on a 1M-row sort). */
const PIECE_BYTES = 1024 * 1024;
const QUOTE_AT_START = 39; // `'`

/** The value's bytes as the reader shows the cell (`null` for an empty cell). */
function decoded(raw: Buffer, encoding: 'utf-8' | 'windows-1252'): Buffer | null {
  const text = undoInjectionEscape(decodeCellBytes(raw.toString('latin1'), encoding).text);
  return text.length === 0 ? null : Buffer.from(text, 'utf8');
}

/** Field `column` of the record `buf[at, end)` through the byte scanner (rows the fast path leaves). */
function exactField(
  buf: Buffer,
  at: number,
  end: number,
  column: number,
  dialect: { quote: number; newline: NewlineByte },
): Buffer | null {
  const { quote, newline } = dialect;
  const bounds = new FieldBounds();
  let field: Buffer | null = null;
  scanCsv(
    buf,
    at,
    end,
    { quote, final: true, newline },
    { line: 1 },
    bounds,
    (_s, _e, _l, count, unclosed) => {
      if (field !== null || unclosed || column >= count) return;
      field = fieldBytes(buf, bounds.starts[column], bounds.ends[column], quote);
    },
  );
  return field;
}

const found = newFoundField();

/**
 * The value of field `column` of the record at `buf[at, end)`, as a byte range, or null when empty;
 * `fields`: found from the record's end (read-direction.ts) when not 0.
 */
function readField(
  log: LogIndex,
  column: number,
  fields: number,
  buf: Buffer,
  at: number,
  end: number,
): { bytes: Uint8Array; from: number; to: number } | null {
  const { quote: quoteChar, encoding } = log.shape.dialect;
  const quote = quoteChar.charCodeAt(0);
  let raw: Buffer | null;
  if (encoding === 'utf-8' && findField(buf, at, end, column, fields, quote, found)) {
    const { from, to, plain, doubled } = found;
    if (from === to) return null;
    if (plain && buf[from] !== QUOTE_AT_START) {
      return doubled ? { bytes: found.text, from: 0, to: found.length } : { bytes: buf, from, to };
    }
    raw = fieldBytes(buf, found.start, found.end, quote);
  } else raw = exactField(buf, at, end, column, { quote, newline: newlineByte(log.shape.dialect) });
  const value = raw && decoded(raw, encoding);
  return value && { bytes: value, from: 0, to: value.length };
}

/** Calls `visit(row, bytes, from, to)` with the value of each row in [first, end) (`bytes` null: empty). */
export type VisitValue = (row: number, bytes: Uint8Array | null, from: number, to: number) => void;

/**
 * Every value of column `column` in rows [first, end) of a CSV log, read from the file in large
 * pieces (the walk of this thread's WALKER: its piece buffer, its count of walks).
 */
export function forEachValue(
  log: LogIndex,
  column: number,
  first: number,
  end: number,
  visit: VisitValue,
): void {
  const fields = fromEndFields(log, column);
  const rows = {
    path: log.path,
    starts: log.starts.subarray(first, end),
    lengths: log.lengths.subarray(first, end),
  };
  const { starts, lengths } = rows;
  WALKER.walkPieces(
    rows,
    fs,
    PIECE_BYTES,
    (buf, firstRow, lastRow, pieceStart) => {
      for (let row = firstRow; row <= lastRow; row++) {
        const at = starts[row] - pieceStart;
        const value = readField(log, column, fields, buf, at, at + lengths[row]);
        if (value) visit(first + row, value.bytes, value.from, value.to);
        else visit(first + row, null, 0, 0);
      }
    },
    WALKER.pieces,
  );
}

/** The whole values of column `column` in `rows` (ascending), copied (null: empty cell). */
export function wholeValues(log: LogIndex, column: number, rows: readonly number[]): (Uint8Array | null)[] {
  const fields = fromEndFields(log, column);
  const fd = fs.openSync(log.path, 'r');
  let buf = Buffer.allocUnsafe(64 * 1024);
  try {
    return rows.map((row) => {
      const length = log.lengths[row];
      if (length > buf.length) buf = Buffer.allocUnsafe(length);
      if (fs.readSync(fd, buf, 0, length, log.starts[row]) < length) {
        throw new Error(`${log.path}: the file is shorter than its index (it changed)`);
      }
      const value = readField(log, column, fields, buf, 0, length);
      // A copy: the bytes may sit in a buffer the next read reuses (Buffer#slice would be a view).
      return value ? Uint8Array.prototype.slice.call(value.bytes, value.from, value.to) : null;
    });
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The rows a walk of pieces left to the exact scanner (`rows` counted from row `from`), each value
 * handed to `visit` with its row in the log and its length (0: empty cell).
 */
export function visitLeftRows(
  log: LogIndex,
  column: number,
  from: number,
  rows: readonly number[],
  visit: (row: number, value: Uint8Array | null, length: number) => void,
): void {
  const values = wholeValues(
    log,
    column,
    rows.map((row) => row + from),
  );
  rows.forEach((row, i) => visit(from + row, values[i], values[i]?.length ?? 0));
}

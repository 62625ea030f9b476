// The one loop the query engine's passes over a log's bytes share (keys for a sort, the first k
// rows, a text search): rows read in large pieces of whole rows into one reused buffer, and for a
// column, each plainly written cell handed to an action. These functions use nothing but their
// arguments: a worker thread runs their source text (walkerProgram) to do the same on its rows.
import { findField, newFoundField, plainField, plainFieldFromEnd, recordBody } from './plain-field';

/** Rows to walk: each row's byte start and length in the file. */
export interface RowSpans {
  path: string;
  starts: Float64Array;
  lengths: Uint32Array;
}

/** Rows and the column to read in them. */
export interface ColumnRows extends RowSpans {
  quote: number;
  column: number;
  /** The fields of every row when the column is found from a record's end (read-direction.ts), else 0. */
  fields: number;
  /** Hand quoted cells over as written, `""` and all (FoundField.keepDoubled). */
  keepDoubled: boolean;
  /** 1 for the rows to read (null: every row). */
  member: Uint8Array | null;
}

export interface FileCalls {
  openSync: (path: string, flags: string) => number;
  readSync: (fd: number, buf: Uint8Array, offset: number, length: number, position: number) => number;
  closeSync: (fd: number) => void;
}

/** Called with a piece of the file holding rows [first, last] whole, `piece[0]` at byte `pieceStart`. */
export type VisitPiece = (piece: Buffer, first: number, last: number, pieceStart: number) => void;

/** Calls `act(row, bytes, from, to)` with a cell's text `bytes[from, to)` (null: an empty cell). */
export type ValueAction = (row: number, bytes: Uint8Array | null, from: number, to: number) => void;

/**
 * A thread's buffer for the pieces it reads, kept from one walk to the next: a new one per walk
 * would wait for a collection to be freed, and what glibc frees of its heap it keeps, so the
 * process grew by what every query read at once. A visit never keeps a view of a piece.
 */
export interface PieceBuffer {
  buf: Buffer | null;
  /** Walks that read into it: a query that walked a log asks for a collection once answered. */
  walks: number;
}

/** What walkValues calls, passed in: in a worker they are the same functions as source text. */
export interface Walker {
  walkPieces: typeof walkPieces;
  walkValues: typeof walkValues;
  findField: typeof findField;
  newFoundField: typeof newFoundField;
  pieces: PieceBuffer;
}

/** Reads every row of `rows` in pieces of about `pieceBytes` (more for a longer row), into `pieces`. */
export function walkPieces(
  rows: RowSpans,
  fs: FileCalls,
  pieceBytes: number,
  visit: VisitPiece,
  pieces: PieceBuffer,
): void {
  const { starts, lengths } = rows;
  pieces.walks++;
  let buf =
    pieces.buf !== null && pieces.buf.length >= pieceBytes ? pieces.buf : Buffer.allocUnsafe(pieceBytes);
  // Up to the largest piece a walk asks for: a longer row's buffer is not kept.
  if (buf.length <= 1024 * 1024) pieces.buf = buf;
  const fd = fs.openSync(rows.path, 'r');
  try {
    let row = 0;
    while (row < starts.length) {
      const pieceStart = starts[row];
      let last = row;
      while (last + 1 < starts.length && starts[last + 1] + lengths[last + 1] - pieceStart <= buf.length)
        last++;
      const bytes = starts[last] + lengths[last] - pieceStart;
      if (bytes > buf.length) buf = Buffer.allocUnsafe(bytes);
      if (fs.readSync(fd, buf, 0, bytes, pieceStart) < bytes) throw new Error('the log got shorter');
      visit(buf.subarray(0, bytes), row, last, pieceStart);
      row = last + 1;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Hands every plainly written cell of column `rows.column` (of the member rows) to `act`, empty
 * cells as null; returns the rows it left to the exact scanner: quoting plainField cannot follow,
 * a NUL byte, or the CSV-injection escape (`'`), which the reader's own decoding undoes.
 */
export function walkValues(rows: ColumnRows, fs: FileCalls, w: Walker, act: ValueAction): number[] {
  const { starts, lengths, quote, column, fields, member } = rows;
  const left: number[] = [];
  const found = w.newFoundField();
  found.keepDoubled = rows.keepDoubled;
  const visit: VisitPiece = (buf, first, last, pieceStart) => {
    found.noNul = buf.indexOf(0) === -1;
    found.quoteAt = -1;
    for (let row = first; row <= last; row++) {
      if (member !== null && member[row] !== 1) continue;
      const at = starts[row] - pieceStart;
      if (!w.findField(buf, at, at + lengths[row], column, fields, quote, found)) left.push(row);
      else if (found.from === found.to) act(row, null, 0, 0);
      else if (!found.plain || buf[found.from] === 39) left.push(row);
      else if (!found.doubled || found.keepDoubled) act(row, buf, found.from, found.to);
      else act(row, found.text, 0, found.length);
    }
  };
  w.walkPieces(rows, fs, 1024 * 1024, visit, w.pieces);
  return left;
}

/** Source text that defines `fs` and `walker` (a Walker, its pieces the worker's `pieces`), for a worker's program. */
export function walkerProgram(): string {
  return [
    "const fs = require('node:fs');",
    ...[walkPieces, walkValues, recordBody, plainField, plainFieldFromEnd, findField, newFoundField].map(
      String,
    ),
    `const walker = { walkPieces: ${walkPieces.name}, walkValues: ${walkValues.name},`,
    `  findField: ${findField.name}, newFoundField: ${newFoundField.name}, pieces };`,
  ].join('\n');
}

/** The walker of this thread. */
export const WALKER: Walker = {
  walkPieces,
  walkValues,
  findField,
  newFoundField,
  pieces: { buf: null, walks: 0 },
};

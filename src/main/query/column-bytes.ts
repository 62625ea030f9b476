// One column's values for a run of rows as UTF-8 bytes packed in one buffer (a sort's working set):
// each cell decoded as the reader decodes it (quoting, CSV-injection escape), cut to a prefix so
// that the buffer stays small; a cut value is read whole again only when a sort needs it.
import { closeSync, openSync, readSync } from 'node:fs';
import type { LogIndex } from '../log-index/log-index';
import { decodeCellBytes } from '../gradio/cell-text';
import { undoInjectionEscape } from '../gradio/injection-escape';
import { newlineByte, recordBodyEnd, type NewlineByte } from '../gradio/line-end';
import { fieldBytes } from '../scan/csv-field';
import { FieldBounds, scanCsv } from '../scan/csv-scan';

/** Bytes kept per value; longer values are marked cut and compared whole on demand. */
export const PREFIX_BYTES = 192;

const PIECE_BYTES = 8 * 1024 * 1024;
const QUOTE_AT_START = 39; // `'`
const COMMA = 44;

function grownTo<T extends Uint32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * One column's values over `items` rows, each distinct value stored once (a column of labels or
 * chats repeats a few values a million times): value v is `bytes[starts[v], starts[v] + lengths[v])`,
 * item i holds value `valueOf[i]` (-1: empty cell). Equal values are found by a hash of their bytes.
 */
export class ColumnBytes {
  bytes = new Uint8Array(1 << 20);
  used = 0;
  /** Distinct values stored. */
  count = 0;
  starts = new Uint32Array(1024);
  lengths = new Uint32Array(1024);
  cut = new Uint8Array(1024);
  private hashes = new Uint32Array(1024);
  /** An item holding each value (to read a cut value whole). */
  firstItem = new Uint32Array(1024);
  readonly valueOf: Int32Array;
  private table = new Int32Array(4096);

  constructor(readonly items: number) {
    this.valueOf = new Int32Array(items).fill(-1);
  }

  /** Stores item i's value from `source[from, to)`, cut to `limit` bytes. */
  put(item: number, source: Uint8Array, from: number, to: number, limit = PREFIX_BYTES): void {
    const length = Math.min(to - from, limit);
    const cut = to - from > limit ? 1 : 0;
    let hash = 0x811c9dc5;
    for (let i = from; i < from + length; i++) hash = Math.imul(hash ^ source[i], 0x01000193);
    hash >>>= 0;
    const mask = this.table.length - 1;
    let slot = hash & mask;
    // A cut value is never shared: two values with one prefix may differ further on.
    for (
      let entry = this.table[slot];
      entry !== 0 && cut === 0;
      entry = this.table[(slot = (slot + 1) & mask)]
    ) {
      const value = entry - 1;
      if (this.hashes[value] === hash && this.cut[value] === 0 && this.equals(value, source, from, length)) {
        this.valueOf[item] = value;
        return;
      }
    }
    this.valueOf[item] = this.add(source, from, length, cut, hash, item);
  }

  private equals(value: number, source: Uint8Array, from: number, length: number): boolean {
    if (this.lengths[value] !== length) return false;
    const at = this.starts[value];
    for (let i = 0; i < length; i++) if (this.bytes[at + i] !== source[from + i]) return false;
    return true;
  }

  private add(
    source: Uint8Array,
    from: number,
    length: number,
    cut: number,
    hash: number,
    item: number,
  ): number {
    if (this.used + length > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + length));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    const bytes = this.bytes;
    const at = this.used;
    for (let i = 0; i < length; i++) bytes[at + i] = source[from + i];
    const value = this.count++;
    this.starts = grownTo(this.starts, this.count);
    this.lengths = grownTo(this.lengths, this.count);
    this.cut = grownTo(this.cut, this.count);
    this.hashes = grownTo(this.hashes, this.count);
    this.firstItem = grownTo(this.firstItem, this.count);
    this.starts[value] = at;
    this.lengths[value] = length;
    this.cut[value] = cut;
    this.hashes[value] = hash;
    this.firstItem[value] = item;
    this.used += length;
    if (cut === 0) this.remember(value);
    return value;
  }

  /** Enters `value` in the hash table, doubling it past half full. */
  private remember(value: number): void {
    if (this.count * 2 > this.table.length) {
      this.table = new Int32Array(this.table.length * 2);
      for (let v = 0; v < this.count; v++) if (this.cut[v] === 0 && v !== value) this.place(v);
    }
    this.place(value);
  }

  private place(value: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[value] & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = value + 1;
  }
}

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

/**
 * Where field `column` lies in the record `buf[at, end)` when it is plainly written: unquoted
 * without quotes, or quoted with nothing after its closing quote. `field` is its raw extent, `from`
 * / `to` its text; `plain`: no NUL byte in it; `doubled`: it holds `""` (one quote each). Returns
 * false for anything else: the exact scanner then reads the record.
 */
const found = { start: 0, end: 0, from: 0, to: 0, plain: true, doubled: false };
function plainField(
  buf: Buffer,
  at: number,
  end: number,
  column: number,
  dialect: { quote: number; newline: NewlineByte },
): boolean {
  const quote = dialect.quote;
  const body = recordBodyEnd(buf, at, end, dialect.newline);
  let p = at;
  for (let field = 0; ; field++) {
    const start = p;
    let from = p;
    let to: number;
    let plain = true;
    let doubled = false;
    if (p < body && buf[p] === quote) {
      from = ++p;
      for (;;) {
        if (p >= body) return false;
        const c = buf[p];
        if (c !== quote) {
          if (c === 0) plain = false;
          p++;
        } else if (p + 1 < body && buf[p + 1] === quote) {
          doubled = true;
          p += 2;
        } else break;
      }
      to = p++;
      if (p < body && buf[p] !== COMMA) return false;
    } else {
      for (; p < body; p++) {
        const c = buf[p];
        if (c === COMMA) break;
        if (c === quote) return false;
        if (c === 0) plain = false;
      }
      to = p;
    }
    if (field === column) {
      Object.assign(found, { start, end: p, from, to, plain, doubled });
      return true;
    }
    if (p >= body) {
      Object.assign(found, { start: body, end: body, from: body, to: body, plain: true, doubled: false });
      return true;
    }
    p++; // past the comma
  }
}

let scratch = Buffer.allocUnsafe(64 * 1024);

/** A quoted field's text with each `""` made one quote, in a buffer reused by the next call. */
function undoubled(
  buf: Buffer,
  from: number,
  to: number,
  quote: number,
): { bytes: Uint8Array; from: number; to: number } {
  if (scratch.length < to - from) scratch = Buffer.allocUnsafe(to - from);
  let n = 0;
  for (let p = from; p < to; p++) {
    const c = buf[p];
    scratch[n++] = c;
    if (c === quote) p++;
  }
  return { bytes: scratch, from: 0, to: n };
}

/** The value of field `column` of the record at `buf[at, end)`, as a byte range, or null when empty. */
function readField(
  log: LogIndex,
  column: number,
  buf: Buffer,
  at: number,
  end: number,
): { bytes: Uint8Array; from: number; to: number } | null {
  const { quote: quoteChar, encoding } = log.shape.dialect;
  const quote = quoteChar.charCodeAt(0);
  const bytes = { quote, newline: newlineByte(log.shape.dialect) };
  let raw: Buffer | null;
  if (encoding === 'utf-8' && plainField(buf, at, end, column, bytes)) {
    const { from, to, plain, doubled } = found;
    if (from === to) return null;
    if (plain && buf[from] !== QUOTE_AT_START) {
      return doubled ? undoubled(buf, from, to, quote) : { bytes: buf, from, to };
    }
    raw = fieldBytes(buf, found.start, found.end, quote);
  } else raw = exactField(buf, at, end, column, bytes);
  const value = raw && decoded(raw, encoding);
  return value && { bytes: value, from: 0, to: value.length };
}

/** Calls `visit(row, bytes, from, to)` with the value of each row in [first, end) (`bytes` null: empty). */
export type VisitValue = (row: number, bytes: Uint8Array | null, from: number, to: number) => void;

/** Every value of column `column` in rows [first, end) of a CSV log, read from the file in large pieces. */
export function forEachValue(
  log: LogIndex,
  column: number,
  first: number,
  end: number,
  visit: VisitValue,
): void {
  const fd = openSync(log.path, 'r');
  try {
    let row = first;
    let buf = Buffer.allocUnsafe(PIECE_BYTES);
    while (row < end) {
      const pieceStart = log.starts[row];
      let last = row;
      while (last + 1 < end && log.starts[last + 1] + log.lengths[last + 1] - pieceStart <= PIECE_BYTES) {
        last++;
      }
      const pieceBytes = log.starts[last] + log.lengths[last] - pieceStart;
      if (pieceBytes > buf.length) buf = Buffer.allocUnsafe(pieceBytes);
      if (readSync(fd, buf, 0, pieceBytes, pieceStart) < pieceBytes) {
        throw new Error(`${log.path}: the file is shorter than its index (it changed)`);
      }
      for (; row <= last; row++) {
        const at = log.starts[row] - pieceStart;
        const value = readField(log, column, buf, at, at + log.lengths[row]);
        if (value) visit(row, value.bytes, value.from, value.to);
        else visit(row, null, 0, 0);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Puts rows `[0, log.count)` of column `column` into `out` as items `first + row`. */
export function readColumnBytes(log: LogIndex, column: number, out: ColumnBytes, first: number): void {
  forEachValue(log, column, 0, log.count, (row, bytes, from, to) => {
    if (bytes) out.put(first + row, bytes, from, to);
  });
}

/** Row `row`'s whole value of column `column` (for values cut to their prefix). */
export function wholeValue(log: LogIndex, column: number, row: number): Uint8Array {
  const buf = Buffer.allocUnsafe(log.lengths[row]);
  const fd = openSync(log.path, 'r');
  try {
    readSync(fd, buf, 0, buf.length, log.starts[row]);
  } finally {
    closeSync(fd);
  }
  const value = readField(log, column, buf, 0, buf.length);
  // A copy: the bytes may sit in a buffer the next read reuses (Buffer#slice would be a view).
  return value ? Uint8Array.prototype.slice.call(value.bytes, value.from, value.to) : new Uint8Array(0);
}

// The bytes of a persisted index file: a LogIndex's columns as they are in memory, behind a small
// JSON header. Each column is cut into blocks of `blockRows` rows, each block with its own CRC-32,
// and a last CRC-32 covers the header and that table of block checksums: the header and the first
// block of every column can be checked, and the first page shown, without reading the rest.
// Decoding trusts nothing: a file that is short, bit-flipped, of another version or of another log
// is refused with the reason, and so is a block whose checksum does not match.
import { crc32 } from '../platform/lazy-hashes';
import type { SharedInterners } from './apply-scan';
import { parseHeader, type IndexFileHeader, type LogIdentity } from './index-file-header';
import { NO_VALUE, type Interner } from './intern';
import type { LogIndex } from './log-index';

export { shapeKey, type IndexFileHeader, type LogIdentity } from './index-file-header';

const MAGIC = Buffer.from('FLAGDECKIDX\0', 'latin1');
/** Bumped whenever the layout below or the meaning of a column changes. */
export const INDEX_FILE_VERSION = 2;
/** 8192 rows: the first block of every column is 256 KB, read and checked in well under 10 ms. */
export const DEFAULT_BLOCK_ROWS = 8192;
const FIXED = MAGIC.length + 8; // magic, version u32, header length u32

/** The columns in file order, with their bytes per row. */
const COLUMNS = [
  ['starts', 8],
  ['timestamps', 8],
  ['lengths', 4],
  ['lines', 4],
  ['reasons', 4],
  ['usernames', 4],
] as const;
const ROW_BYTES = 32;

/** The columns of a decoded file, codes still local to it (`reasons`/`usernames` of the header). */
export interface IndexFileColumns {
  starts: Float64Array;
  timestamps: Float64Array;
  lengths: Uint32Array;
  lines: Uint32Array;
  reasons: Int32Array;
  usernames: Int32Array;
}

export type Decoded =
  | { ok: true; header: IndexFileHeader; columns: IndexFileColumns; rows: number }
  | { ok: false; reason: string };
type Failure = { ok: false; reason: string };

/** Reads `length` bytes at `offset` (fewer at the end of the file) into a buffer of its own. */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Where everything is in a file whose header says `count` rows in blocks of `blockRows`. */
export class IndexFileLayout {
  readonly columnsAt: number;
  readonly blocks: number;
  readonly tableAt: number;
  readonly size: number;

  constructor(
    jsonLength: number,
    readonly count: number,
    readonly blockRows: number,
  ) {
    this.columnsAt = align8(FIXED + jsonLength);
    this.blocks = Math.ceil(count / blockRows);
    this.tableAt = this.columnsAt + count * ROW_BYTES;
    this.size = this.tableAt + this.blocks * COLUMNS.length * 4 + 4;
  }

  /** Offset of column `column` (in COLUMNS order) and its bytes for rows [0, rows). */
  columnRange(column: number, rows: number): { at: number; length: number } {
    let at = this.columnsAt;
    for (let c = 0; c < column; c++) at += this.count * COLUMNS[c][1];
    return { at, length: rows * COLUMNS[column][1] };
  }
}

/** The checked header of a file, with its layout and its table of block checksums. */
export interface IndexFileHead {
  header: IndexFileHeader;
  layout: IndexFileLayout;
  table: Buffer;
}

/**
 * Codes of the shared interner rewritten as codes into a list of this log's own values. Looked up
 * in an array, not a Map: a million rows took 16 ms of a first `inspect`'s tail the other way.
 * Where the codes already are the log's own (its values were interned first, in the order met,
 * as in a folder's first log), they are kept as they are: one look through them, nothing written.
 */
function localCodes(codes: Int32Array, count: number, interner: Interner) {
  const known = codesInFirstSeenOrder(codes, count, interner.values.length);
  if (known >= 0) {
    const values = Array.from({ length: known }, (_, code) => interner.valueOf(code) ?? '');
    return { codes: codes.subarray(0, count), values };
  }
  const local = new Int32Array(interner.values.length).fill(NO_VALUE);
  const list: string[] = [];
  const out = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const code = codes[row];
    if (code === NO_VALUE) {
      out[row] = NO_VALUE;
      continue;
    }
    if (!(code < local.length)) throw new Error(`localCodes: code ${code} is not the interner's`);
    let mine = local[code];
    if (mine === NO_VALUE) {
      mine = list.length;
      list.push(interner.valueOf(code) ?? '');
      local[code] = mine;
    }
    out[row] = mine;
  }
  return { codes: out, values: list };
}

/** How many values the codes name when each new one is the next code (0, 1, 2… as met), else -1. */
function codesInFirstSeenOrder(codes: Int32Array, count: number, size: number): number {
  let next = 0;
  for (let row = 0; row < count; row++) {
    const code = codes[row];
    if (code === NO_VALUE) continue;
    if (code > next || code >= size || code < NO_VALUE) return -1;
    if (code === next) next++;
  }
  return next;
}

/**
 * Rows [0, length bytes) of a column as bytes to write: a view of a shared column, whose rows
 * before its count are never written again in place (LogIndex.detachColumns copies them first), a
 * copy of any other, which a log read again from its start writes over while the file is written.
 */
function columnBytes(array: ArrayBufferView, length: number): Uint8Array {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, length);
  return array.buffer instanceof SharedArrayBuffer ? bytes : bytes.slice();
}

/**
 * A file's bytes, in parts to write one after the other: its head, each column (the log's own
 * shared columns as they are: 40 MB not copied for a million rows) and the table of checksums.
 */
export interface IndexFileParts {
  parts: Uint8Array[];
  size: number;
}

export function encodeIndexFile(
  log: LogIndex,
  identity: LogIdentity,
  hashes: { headHash: string; tailHash: string },
  interners: SharedInterners,
  blockRows = DEFAULT_BLOCK_ROWS,
): IndexFileParts {
  const count = log.count;
  const reasons = localCodes(log.reasons, count, interners.reasons);
  const usernames = localCodes(log.usernames, count, interners.usernames);
  const header: IndexFileHeader = {
    version: INDEX_FILE_VERSION,
    ...identity,
    count,
    blockRows,
    indexedEnd: log.indexedEnd,
    scanLine: log.scanState.line,
    tailUnterminated: log.tailUnterminated,
    ...hashes,
    reasons: reasons.values,
    usernames: usernames.values,
    errors: log.errors,
    ...(log.layout ? { rowLayout: log.layout } : {}),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const layout = new IndexFileLayout(json.length, count, blockRows);
  const head = Buffer.alloc(layout.columnsAt);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(INDEX_FILE_VERSION, MAGIC.length);
  head.writeUInt32LE(json.length, MAGIC.length + 4);
  json.copy(head, FIXED);
  const table = Buffer.alloc(layout.size - layout.tableAt);
  const arrays = [log.starts, log.timestamps, log.lengths, log.lines, reasons.codes, usernames.codes];
  const columns = arrays.map((array, column) => {
    const bytes = columnBytes(array, layout.columnRange(column, count).length);
    const blockBytes = blockRows * COLUMNS[column][1];
    for (let block = 0; block < layout.blocks; block++) {
      const sum = crc32(bytes.subarray(block * blockBytes, (block + 1) * blockBytes));
      table.writeUInt32LE(sum, (column * layout.blocks + block) * 4);
    }
    return bytes;
  });
  const trailerAt = table.length - 4;
  table.writeUInt32LE(crc32(table.subarray(0, trailerAt), crc32(head)), trailerAt);
  return { parts: [head, ...columns, table], size: layout.size };
}

function fail(reason: string): Failure {
  return { ok: false, reason };
}

/** Reads and checks the header and block table of a file of `size` bytes (no column is read). */
export async function readIndexHead(
  read: ReadAt,
  size: number,
  expected: LogIdentity,
): Promise<{ ok: true; head: IndexFileHead } | Failure> {
  const fixed = size >= FIXED + 4 ? await read(0, FIXED) : Buffer.alloc(0);
  if (fixed.length < FIXED || !fixed.subarray(0, MAGIC.length).equals(MAGIC))
    return fail('not a Flagdeck index file');
  const version = fixed.readUInt32LE(MAGIC.length);
  if (version !== INDEX_FILE_VERSION)
    return fail(`index file version ${version}, this Flagdeck reads ${INDEX_FILE_VERSION}`);
  const jsonLength = fixed.readUInt32LE(MAGIC.length + 4);
  if (align8(FIXED + jsonLength) > size - 4) return fail('the index file is truncated');
  const headBytes = await read(0, align8(FIXED + jsonLength));
  const header = parseHeader(headBytes.subarray(FIXED, FIXED + jsonLength));
  if (!header) return fail('the index file is damaged (its header is unreadable)');
  const layout = new IndexFileLayout(jsonLength, header.count, header.blockRows);
  if (layout.size !== size) return fail('the index file has the wrong length');
  const tail = await read(layout.tableAt, size - layout.tableAt);
  const table = tail.subarray(0, tail.length - 4);
  if (
    tail.length !== size - layout.tableAt ||
    crc32(table, crc32(headBytes)) !== tail.readUInt32LE(table.length)
  )
    return fail('the index file is damaged (checksum mismatch)');
  if (header.version !== version) return fail('the index file header is unreadable');
  if (header.file !== expected.file) return fail(`the index file is of another log (${header.file})`);
  if (header.shapeKey !== expected.shapeKey)
    return fail("the log's header or dialect changed since it was indexed");
  return { ok: true, head: { header, layout, table } };
}

/**
 * The columns of rows [0, rows) once every block of them matches its checksum. `bytesOf(column)`
 * gives those rows' bytes of a column (see IndexFileLayout.columnRange), in a buffer placed so
 * that the typed arrays can be views over it (8-byte aligned for the 8-byte columns). `rows` is
 * the row count of the file or a whole number of blocks.
 */
export function checkedColumns(
  { header, layout, table }: IndexFileHead,
  rows: number,
  bytesOf: (column: number) => Buffer,
): Decoded {
  const views: ArrayBufferView[] = [];
  for (let column = 0; column < COLUMNS.length; column++) {
    const width = COLUMNS[column][1];
    const bytes = bytesOf(column);
    if (bytes.length !== rows * width) return fail('the index file is truncated');
    const blockBytes = layout.blockRows * width;
    for (let block = 0; block * blockBytes < bytes.length; block++) {
      const sum = crc32(bytes.subarray(block * blockBytes, (block + 1) * blockBytes));
      if (sum !== table.readUInt32LE((column * layout.blocks + block) * 4))
        return fail('the index file is damaged (checksum mismatch)');
    }
    if (bytes.byteOffset % width !== 0) throw new Error('checkedColumns: a column is not aligned');
    const { buffer, byteOffset } = bytes;
    views.push(
      width === 8
        ? new Float64Array(buffer, byteOffset, rows)
        : column < 4
          ? new Uint32Array(buffer, byteOffset, rows)
          : new Int32Array(buffer, byteOffset, rows),
    );
  }
  const [starts, timestamps, lengths, lines, reasons, usernames] = views;
  const columns = { starts, timestamps, lengths, lines, reasons, usernames } as IndexFileColumns;
  const inRange = (codes: Int32Array, values: number): boolean => {
    for (let i = 0; i < codes.length; i++) if (codes[i] < NO_VALUE || codes[i] >= values) return false;
    return true;
  };
  if (
    !inRange(columns.reasons, header.reasons.length) ||
    !inRange(columns.usernames, header.usernames.length)
  )
    return fail('the index file has codes out of range');
  return { ok: true, header, columns, rows };
}

/**
 * Reads a whole file made by encodeIndexFile. `buf` must start on an 8-byte boundary of its
 * ArrayBuffer (a Buffer of its own, not a pooled slice): the columns are views over it, not copies.
 */
export async function decodeIndexFile(buf: Buffer, expected: LogIdentity): Promise<Decoded> {
  const read: ReadAt = (offset, length) => Promise.resolve(buf.subarray(offset, offset + length));
  const checked = await readIndexHead(read, buf.length, expected);
  if (!checked.ok) return checked;
  const { layout, header } = checked.head;
  return checkedColumns(checked.head, header.count, (column) => {
    const { at, length } = layout.columnRange(column, header.count);
    return buf.subarray(at, at + length);
  });
}

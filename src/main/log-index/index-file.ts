// The bytes of a persisted index file: a LogIndex's columns as they are in memory, behind a small
// JSON header, closed by a CRC-32 of everything before it. Decoding trusts nothing: a file that is
// short, bit-flipped, of another version or of another log is refused with the reason.
import { crc32 } from 'node:zlib';
import type { LogIssue } from '../../shared/model';
import type { LogShape } from '../gradio/log-model';
import type { SharedInterners } from './apply-scan';
import { NO_VALUE } from './intern';
import type { LogIndex } from './log-index';

const MAGIC = Buffer.from('FLAGDECKIDX\0', 'latin1');
/** Bumped whenever the layout below or the meaning of a column changes. */
export const INDEX_FILE_VERSION = 1;
/** What the file must say about the log it indexes before its columns may be used. */
export interface LogIdentity {
  /** The log's path relative to its folder. */
  file: string;
  /** Everything about the shape that decides where records and role cells are (see shapeKey). */
  shapeKey: string;
}

/** What the header says about the log as it was indexed. */
export interface IndexFileHeader extends LogIdentity {
  version: number;
  count: number;
  indexedEnd: number;
  scanLine: number;
  tailUnterminated: boolean;
  /** sha256 of the log's first and last bytes before `indexedEnd` (see log-fingerprint.ts). */
  headHash: string;
  tailHash: string;
  reasons: string[];
  usernames: string[];
  errors: LogIssue[];
}

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
  { ok: true; header: IndexFileHeader; columns: IndexFileColumns } | { ok: false; reason: string };

/** The part of a shape the index depends on: dialect, where data starts, where the role cells are. */
export function shapeKey(shape: LogShape): string {
  const { dialect, dataStart, dataLine, roles } = shape;
  return JSON.stringify({ dialect, dataStart, dataLine, roles });
}

const FIXED = MAGIC.length + 8; // magic, version u32, header length u32

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Codes of the shared interner rewritten as codes into a list of this log's own values. */
function localCodes(codes: Int32Array, count: number, values: (code: number) => string | null) {
  const local = new Map<number, number>();
  const list: string[] = [];
  const out = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const code = codes[row];
    if (code === NO_VALUE) {
      out[row] = NO_VALUE;
      continue;
    }
    let mine = local.get(code);
    if (mine === undefined) {
      mine = list.length;
      list.push(values(code) ?? '');
      local.set(code, mine);
    }
    out[row] = mine;
  }
  return { codes: out, values: list };
}

export function encodeIndexFile(
  log: LogIndex,
  identity: LogIdentity,
  hashes: { headHash: string; tailHash: string },
  interners: SharedInterners,
): Buffer {
  const count = log.count;
  const reasons = localCodes(log.reasons, count, (c) => interners.reasons.valueOf(c));
  const usernames = localCodes(log.usernames, count, (c) => interners.usernames.valueOf(c));
  const header: IndexFileHeader = {
    version: INDEX_FILE_VERSION,
    ...identity,
    count,
    indexedEnd: log.indexedEnd,
    scanLine: log.scanState.line,
    tailUnterminated: log.tailUnterminated,
    ...hashes,
    reasons: reasons.values,
    usernames: usernames.values,
    errors: log.errors,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const columnsAt = align8(FIXED + json.length);
  const total = columnsAt + count * 32 + 4;
  const out = Buffer.alloc(total);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(INDEX_FILE_VERSION, MAGIC.length);
  out.writeUInt32LE(json.length, MAGIC.length + 4);
  json.copy(out, FIXED);
  let at = columnsAt;
  const put = (array: ArrayBufferView, bytes: number): void => {
    out.set(new Uint8Array(array.buffer, array.byteOffset, bytes), at);
    at += bytes;
  };
  put(log.starts, count * 8);
  put(log.timestamps, count * 8);
  put(log.lengths, count * 4);
  put(log.lines, count * 4);
  put(reasons.codes, count * 4);
  put(usernames.codes, count * 4);
  out.writeUInt32LE(crc32(out.subarray(0, at)), at);
  return out;
}

function parseHeader(bytes: Buffer): IndexFileHeader | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return isHeader(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is IndexFileHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  const numbers = ['version', 'count', 'indexedEnd', 'scanLine'];
  const strings = ['file', 'shapeKey', 'headHash', 'tailHash'];
  return (
    numbers.every((key) => Number.isSafeInteger(h[key]) && (h[key] as number) >= 0) &&
    strings.every((key) => typeof h[key] === 'string') &&
    typeof h.tailUnterminated === 'boolean' &&
    [h.reasons, h.usernames].every(
      (list) => Array.isArray(list) && list.every((v) => typeof v === 'string'),
    ) &&
    Array.isArray(h.errors) &&
    h.errors.every(isIssue)
  );
}

function isIssue(value: unknown): value is LogIssue {
  if (typeof value !== 'object' || value === null) return false;
  const issue = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(issue.line) &&
    typeof issue.message === 'string' &&
    (issue.column === undefined || Number.isSafeInteger(issue.column))
  );
}

/**
 * Reads a file made by encodeIndexFile. `buf` must start on an 8-byte boundary of its ArrayBuffer
 * (a Buffer of its own, not a pooled slice): the columns are views over it, not copies.
 */
export function decodeIndexFile(buf: Buffer, expected: LogIdentity): Decoded {
  if (buf.length < FIXED + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    return { ok: false, reason: 'not a Flagdeck index file' };
  const version = buf.readUInt32LE(MAGIC.length);
  if (version !== INDEX_FILE_VERSION)
    return { ok: false, reason: `index file version ${version}, this Flagdeck reads ${INDEX_FILE_VERSION}` };
  const jsonLength = buf.readUInt32LE(MAGIC.length + 4);
  const checked = buf.length - 4;
  if (FIXED + jsonLength > checked) return { ok: false, reason: 'the index file is truncated' };
  if (crc32(buf.subarray(0, checked)) !== buf.readUInt32LE(checked))
    return { ok: false, reason: 'the index file is damaged (checksum mismatch)' };
  const header = parseHeader(buf.subarray(FIXED, FIXED + jsonLength));
  if (!header || header.version !== version)
    return { ok: false, reason: 'the index file header is unreadable' };
  if (header.file !== expected.file)
    return { ok: false, reason: `the index file is of another log (${header.file})` };
  if (header.shapeKey !== expected.shapeKey)
    return { ok: false, reason: "the log's header or dialect changed since it was indexed" };
  const count = header.count;
  const columnsAt = align8(FIXED + jsonLength);
  if (columnsAt + count * 32 !== checked) return { ok: false, reason: 'the index file has the wrong length' };
  const base = buf.byteOffset + columnsAt;
  if (base % 8 !== 0) throw new Error('decodeIndexFile: the buffer is not 8-byte aligned');
  const ab = buf.buffer;
  const columns: IndexFileColumns = {
    starts: new Float64Array(ab, base, count),
    timestamps: new Float64Array(ab, base + count * 8, count),
    lengths: new Uint32Array(ab, base + count * 16, count),
    lines: new Uint32Array(ab, base + count * 20, count),
    reasons: new Int32Array(ab, base + count * 24, count),
    usernames: new Int32Array(ab, base + count * 28, count),
  };
  return codesInRange(columns, header)
    ? { ok: true, header, columns }
    : { ok: false, reason: 'the index file has codes out of range' };
}

function codesInRange(columns: IndexFileColumns, header: IndexFileHeader): boolean {
  const within = (codes: Int32Array, values: number): boolean => {
    for (let i = 0; i < codes.length; i++) if (codes[i] < NO_VALUE || codes[i] >= values) return false;
    return true;
  };
  return within(columns.reasons, header.reasons.length) && within(columns.usernames, header.usernames.length);
}

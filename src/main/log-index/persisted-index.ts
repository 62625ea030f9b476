// A log's index kept on disk between opens. It is reused only while the log still starts and ends,
// up to the indexed offset, with the bytes it had when indexed (sha256 of its first and last 64 KB
// there): an appended log keeps it and only the new bytes are scanned; a shrunk or rewritten log is
// indexed again, and the caller is told why. A file that cannot be trusted is ignored and replaced.
import { sha256Hex } from '../platform/lazy-hashes';
import { access, mkdir, open, type FileHandle } from 'node:fs/promises';
import { writeFileAtomic } from '../review/atomic-write';
import { dirname, join } from 'node:path';
import type { SharedInterners } from './apply-scan';
import {
  checkedColumns,
  decodeIndexFile,
  encodeIndexFile,
  readIndexHead,
  shapeKey,
  type Decoded,
  type IndexFileColumns,
  type IndexFileHeader,
  type LogIdentity,
  type ReadAt,
} from './index-file';
import { indexDirOf, indexFileName } from './index-location';
import { NO_VALUE, type Interner } from './intern';
import type { LogIndex } from './log-index';

const FINGERPRINT_BYTES = 64 * 1024;
/** Logs under this size are not persisted: scanning them costs less than reading an index file. */
export const PERSIST_MIN_BYTES = 1024 * 1024;

export interface IndexCacheOptions {
  /** The app's data folder: indexes of folders Flagdeck may not write into go there. */
  dataDir: string;
  /** Persist logs from this size on (default PERSIST_MIN_BYTES). */
  minBytes?: number;
  /** Rows per checksummed block of the files written (default DEFAULT_BLOCK_ROWS; tests use few). */
  blockRows?: number;
}

/** What restoreIndex found. `stale`: the log changed under the index; say so to the user. */
export type Restored =
  | { kind: 'none' }
  | { kind: 'ignored'; reason: string }
  | { kind: 'stale'; reason: string }
  | { kind: 'reused'; rows: number };

/** sha256 of the log's first and last 64 KB before `end` (what an index or a census is valid for). */
export async function fingerprint(
  path: string,
  end: number,
): Promise<{ headHash: string; tailHash: string } | undefined> {
  const handle = await open(path, 'r');
  try {
    const read = async (from: number, length: number): Promise<string | undefined> => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, from);
      return bytesRead === length ? sha256Hex(buf) : undefined;
    };
    const head = await read(0, Math.min(end, FINGERPRINT_BYTES));
    const tailFrom = Math.max(0, end - FINGERPRINT_BYTES);
    const tail = await read(tailFrom, end - tailFrom);
    return head && tail ? { headHash: head, tailHash: tail } : undefined;
  } finally {
    await handle.close();
  }
}

async function stillEndsWith(path: string, end: number, tail: Buffer): Promise<boolean> {
  if (tail.length === 0) return true;
  const handle = await open(path, 'r');
  try {
    const now = Buffer.alloc(tail.length);
    const { bytesRead } = await handle.read(now, 0, tail.length, end - tail.length);
    return bytesRead === tail.length && now.equals(tail);
  } finally {
    await handle.close();
  }
}

/** Where the index file of `log` is (or would be) kept. */
export async function indexPathOf(log: LogIndex, options: IndexCacheOptions): Promise<string> {
  const root = log.path.slice(0, log.path.length - log.file.length - 1);
  return indexPathIn(root, log.file, options);
}

async function indexPathIn(root: string, file: string, options: IndexCacheOptions): Promise<string> {
  return join(await indexDirOf(root, options.dataDir), indexFileName(file));
}

/** Whether an index file is kept for the log `file` of the folder `root` (restoreIndex judges it). */
export async function indexKept(root: string, file: string, options: IndexCacheOptions): Promise<boolean> {
  return access(await indexPathIn(root, file, options)).then(
    () => true,
    () => false,
  );
}

/** The index file opened for reading; undefined when none is kept (or it cannot be opened). */
async function openIfKept(path: string): Promise<FileHandle | undefined> {
  try {
    return await open(path, 'r');
  } catch {
    return undefined;
  }
}

/**
 * The file whole, in a buffer of its own (8-byte aligned, so the columns can be views over it), in
 * shared memory: a query's worker reads the restored rows where they are (log-index.ts).
 */
async function readAligned(path: string): Promise<Buffer | undefined> {
  const handle = await openIfKept(path);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const buf = Buffer.from(new SharedArrayBuffer(size));
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The header and the first block of every column, checked; undefined when there is no file. */
async function readFirstBlocks(path: string, expected: LogIdentity): Promise<Decoded | undefined> {
  const handle = await openIfKept(path);
  if (!handle) return undefined;
  try {
    const size = (await handle.stat()).size;
    const read: ReadAt = async (offset, length) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, offset);
      return buf.subarray(0, bytesRead);
    };
    const checked = await readIndexHead(read, size, expected);
    if (!checked.ok) return checked;
    const { header, layout } = checked.head;
    const rows = Math.min(header.count, header.blockRows);
    const bytes = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((column) => {
        const { at, length } = layout.columnRange(column, rows);
        return read(at, length);
      }),
    );
    return checkedColumns(checked.head, rows, (column) => bytes[column]);
  } finally {
    await handle.close();
  }
}

function globalCodes(local: Int32Array, values: string[], interner: Interner): void {
  const codes = values.map((value) => interner.code(value));
  for (let i = 0; i < local.length; i++) local[i] = local[i] === NO_VALUE ? NO_VALUE : codes[local[i]];
}

/** Takes the first `rows` rows of the file as the log's rows, with what the header says of them. */
function adoptRows(
  log: LogIndex,
  header: IndexFileHeader,
  rows: number,
  columns: IndexFileColumns,
  interners: SharedInterners,
  size: number,
): void {
  globalCodes(columns.reasons, header.reasons, interners.reasons);
  globalCodes(columns.usernames, header.usernames, interners.usernames);
  log.adopt(rows, columns);
  log.layout = header.rowLayout ?? null;
  log.errors = header.errors;
  log.indexedEnd = header.indexedEnd;
  log.scanState = { line: header.scanLine };
  log.tailUnterminated = header.tailUnterminated;
  log.size = size;
  if (rows < header.count) {
    // Only these rows were checked: the log is indexed up to the start of the last of them (whose
    // offset and line were checked too), and read on from there unless the rest of the file is.
    log.truncateTo(rows - 1);
    return;
  }
  // A last row read without its line end may have been completed since: read it again.
  if (log.tailUnterminated && size > log.indexedEnd && log.count > 0) log.truncateTo(log.count - 1);
}

const identityOf = (log: LogIndex): LogIdentity => ({ file: log.file, shapeKey: shapeKey(log.shape) });

/**
 * What restoreIndexStart found, and for a log of more rows than one block, `rest`: checks the
 * rest of the file and takes all its rows (`reused`), or leaves the first ones to be read on from
 * (`ignored`, with the reason: the rest of the file cannot be trusted).
 */
export interface StartRestored {
  restored: Restored;
  rest?: () => Promise<Restored>;
}

/**
 * Fills an empty `log` from its persisted index when that index still describes the file: at once
 * the rows of the file's first block (enough for a first page, checked without reading the rest),
 * all of them after `rest`. Rows past the index (an append) are left for the caller's next scan
 * from `log.indexedEnd`.
 */
export async function restoreIndexStart(
  log: LogIndex,
  interners: SharedInterners,
  options: IndexCacheOptions,
  size: number,
): Promise<StartRestored> {
  const none = { restored: { kind: 'none' } } as const;
  if (log.count > 0 || log.source || size < (options.minBytes ?? PERSIST_MIN_BYTES)) return none;
  const path = await indexPathOf(log, options);
  const first = await readFirstBlocks(path, identityOf(log));
  if (!first) return none;
  if (!first.ok) return { restored: { kind: 'ignored', reason: first.reason } };
  const { header } = first;
  if (size < header.indexedEnd)
    return {
      restored: {
        kind: 'stale',
        reason: `the log shrank from ${header.indexedEnd} to ${size} bytes since it was indexed`,
      },
    };
  const now = await fingerprint(log.path, header.indexedEnd);
  if (!now || now.headHash !== header.headHash || now.tailHash !== header.tailHash)
    return { restored: { kind: 'stale', reason: 'the log was rewritten since it was indexed' } };
  adoptRows(log, header, first.rows, first.columns, interners, size);
  const restored = { kind: 'reused', rows: log.count } as const;
  if (first.rows === header.count) return { restored };
  const generation = log.generation;
  const rest = async (): Promise<Restored> => {
    const whole = await readAligned(path);
    const decoded = whole ? await decodeIndexFile(whole, identityOf(log)) : undefined;
    if (!decoded?.ok) return { kind: 'ignored', reason: decoded?.reason ?? 'the index file went away' };
    const same = ['count', 'indexedEnd', 'headHash', 'tailHash'] as const;
    if (same.some((key) => decoded.header[key] !== header[key]))
      return { kind: 'ignored', reason: 'the index file was replaced while it was read' };
    if (log.generation !== generation) return { kind: 'ignored', reason: 'the log was read on meanwhile' };
    adoptRows(log, decoded.header, decoded.rows, decoded.columns, interners, size);
    return { kind: 'reused', rows: log.count };
  };
  return { restored, rest };
}

/**
 * restoreIndexStart and its rest at once: every row of a still valid index, or (any other result)
 * none at all, so that a caller collecting cells as it scans (`flagdeck inspect`) scans every row.
 */
export async function restoreIndex(
  log: LogIndex,
  interners: SharedInterners,
  options: IndexCacheOptions,
  size: number,
): Promise<Restored> {
  const { restored, rest } = await restoreIndexStart(log, interners, options, size);
  if (!rest) return restored;
  const all = await rest().catch((error: unknown): Restored => ({ kind: 'ignored', reason: String(error) }));
  if (all.kind !== 'reused') log.reset(log.shape);
  return all;
}

/**
 * Writes the index of `log` (fully indexed up to `log.indexedEnd`) for the next open. Written to a
 * temp file renamed over the old one: a reader sees one whole file or the other. Not fsynced: a
 * file torn by a crash fails its checksum and is rebuilt, it is a cache.
 */
export async function persistIndex(
  log: LogIndex,
  interners: SharedInterners,
  options: IndexCacheOptions,
): Promise<void> {
  if (log.source || log.indexedEnd < (options.minBytes ?? PERSIST_MIN_BYTES)) return;
  // The file must still hold what was indexed (a rewrite since the last read is not ours to hash).
  if (!(await stillEndsWith(log.path, log.indexedEnd, log.tail))) return;
  const hashes = await fingerprint(log.path, log.indexedEnd);
  if (!hashes) return;
  const { parts } = encodeIndexFile(log, identityOf(log), hashes, interners, options.blockRows);
  const path = await indexPathOf(log, options);
  await mkdir(dirname(path), { recursive: true });
  // A cache: a crash may lose it (it is rebuilt), never leave half of it.
  await writeFileAtomic(path, parts, { durable: false });
}

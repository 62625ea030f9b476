// A log's index kept on disk between opens. It is reused only while the log still starts and ends,
// up to the indexed offset, with the bytes it had when indexed (sha256 of its first and last 64 KB
// there): an appended log keeps it and only the new bytes are scanned; a shrunk or rewritten log is
// indexed again, and the caller is told why. A file that cannot be trusted is ignored and replaced.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SharedInterners } from './apply-scan';
import {
  decodeIndexFile,
  encodeIndexFile,
  shapeKey,
  type IndexFileColumns,
  type IndexFileHeader,
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
      return bytesRead === length ? createHash('sha256').update(buf).digest('hex') : undefined;
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
  return join(await indexDirOf(root, options.dataDir), indexFileName(log.file));
}

/** The file whole, in a buffer of its own (8-byte aligned, so the columns can be views over it). */
async function readAligned(path: string): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size } = await handle.stat();
    const buf = Buffer.from(new ArrayBuffer(size));
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function globalCodes(local: Int32Array, values: string[], interner: Interner): void {
  const codes = values.map((value) => interner.code(value));
  for (let i = 0; i < local.length; i++) local[i] = local[i] === NO_VALUE ? NO_VALUE : codes[local[i]];
}

function adoptColumns(
  log: LogIndex,
  header: IndexFileHeader,
  columns: IndexFileColumns,
  interners: SharedInterners,
): void {
  globalCodes(columns.reasons, header.reasons, interners.reasons);
  globalCodes(columns.usernames, header.usernames, interners.usernames);
  log.adopt(header.count, columns);
  log.errors = header.errors;
  log.indexedEnd = header.indexedEnd;
  log.scanState = { line: header.scanLine };
  log.tailUnterminated = header.tailUnterminated;
}

/**
 * Fills an empty `log` from its persisted index when that index still describes the file.
 * Rows past the index (an append) are left for the caller's next scan from `log.indexedEnd`.
 */
export async function restoreIndex(
  log: LogIndex,
  interners: SharedInterners,
  options: IndexCacheOptions,
  size: number,
): Promise<Restored> {
  if (log.count > 0 || log.source || size < (options.minBytes ?? PERSIST_MIN_BYTES)) return { kind: 'none' };
  const buf = await readAligned(await indexPathOf(log, options));
  if (!buf) return { kind: 'none' };
  const decoded = decodeIndexFile(buf, { file: log.file, shapeKey: shapeKey(log.shape) });
  if (!decoded.ok) return { kind: 'ignored', reason: decoded.reason };
  const { header, columns } = decoded;
  if (size < header.indexedEnd)
    return {
      kind: 'stale',
      reason: `the log shrank from ${header.indexedEnd} to ${size} bytes since it was indexed`,
    };
  const now = await fingerprint(log.path, header.indexedEnd);
  if (!now || now.headHash !== header.headHash || now.tailHash !== header.tailHash)
    return { kind: 'stale', reason: 'the log was rewritten since it was indexed' };
  adoptColumns(log, header, columns, interners);
  log.size = size;
  // A last row read without its line end may have been completed since: read it again.
  if (log.tailUnterminated && size > log.indexedEnd && log.count > 0) log.truncateTo(log.count - 1);
  return { kind: 'reused', rows: log.count };
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
  const data = encodeIndexFile(log, { file: log.file, shapeKey: shapeKey(log.shape) }, hashes, interners);
  const path = await indexPathOf(log, options);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

// What to do when a log may have changed (a watcher event, a re-check): read the bytes after the
// last complete record, or notice that the file shrank or changed before that point and index it
// again. Only complete records are read; a tail without its line terminator waits (see `final`).
import { open, stat } from 'node:fs/promises';
import type { LogShape } from '../gradio/log-model';
import { holdsWholeLine } from '../gradio/line-end';
import type { SharedInterners } from '../log-index/apply-scan';
import { indexLog } from '../log-index/index-log';
import type { LogIndex, SeenFile } from '../log-index/log-index';

const TAIL_BYTES = 64;

export interface Refreshed {
  /** Rows added: `[firstNew, log.count)`. */
  firstNew: number;
  /** Why the log was indexed again from the start (its earlier rows may have changed). */
  reset?: string;
  /** Bytes past the last complete record remain (a row being written, or one without terminator). */
  pendingTail: boolean;
  size: number;
}

/**
 * Remembers the bytes before `log.indexedEnd`, to compare on the next refresh: from `read`, the
 * file's bytes from its start as read just now, where they reach that far.
 */
export async function rememberTail(log: LogIndex, read?: Buffer): Promise<void> {
  const from = Math.max(log.shape.dataStart, log.indexedEnd - TAIL_BYTES);
  log.tail =
    read && read.length >= log.indexedEnd
      ? Buffer.from(read.subarray(from, log.indexedEnd))
      : await readBytes(log.path, from, log.indexedEnd - from);
}

async function readBytes(path: string, from: number, length: number): Promise<Buffer> {
  if (length <= 0) return Buffer.alloc(0);
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, from);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function hasWholeLine(path: string): Promise<boolean> {
  const head = await readBytes(path, 0, 64 * 1024).catch(() => Buffer.alloc(0));
  return holdsWholeLine(head);
}

const shrank = (log: LogIndex, size: number): string =>
  `the log shrank from ${log.indexedEnd} to ${size} bytes`;

/**
 * Why the indexed part of the log is no longer what was read, or undefined if it is. `size` was
 * taken just before: a log rewritten shorter since then reads short here, and shrank all the same.
 */
export async function changedReason(log: LogIndex, size: number): Promise<string | undefined> {
  if (size < log.indexedEnd) return shrank(log, size);
  if (log.tail.length === 0) return undefined;
  const now = await readBytes(log.path, log.indexedEnd - log.tail.length, log.tail.length);
  if (now.length < log.tail.length) return shrank(log, (await fileStat(log.path))?.size ?? 0);
  if (!now.equals(log.tail)) return 'the log was rewritten before its last read row';
  if (log.tailUnterminated && size > log.indexedEnd) return 'the last row was completed after it was read';
  return undefined;
}

/**
 * Brings the index up to date with the file. `reshape` reads the header again (after a rewrite).
 * `quietSize`: the size the file kept while the writer was quiet long enough; if the file still has
 * it, a last record without terminator is read too. Judged on the size found now, not on what was
 * last seen: a writer that started again meanwhile may be half-way through a row.
 */
export async function refreshLog(
  log: LogIndex,
  interners: SharedInterners,
  reshape: () => Promise<LogShape>,
  quietSize: number | undefined,
): Promise<Refreshed> {
  const file = await fileStat(log.path);
  if (file === null) {
    const hadRows = log.count > 0;
    log.reset(log.shape);
    return {
      firstNew: 0,
      reset: hadRows ? 'the log file was removed' : undefined,
      pendingTail: false,
      size: 0,
    };
  }
  const { size } = file;
  const final = size === quietSize;
  if (unchangedSinceSeen(log, file, final))
    return { firstNew: log.count, pendingTail: log.indexedEnd < size, size };
  const reset = log.needsShape ? undefined : await changedReason(log, size);
  if (reset !== undefined && reset.startsWith('the last row') && log.count > 0) log.truncateTo(log.count - 1);
  else if (reset !== undefined || log.needsShape) {
    // A rewrite may be caught half-way (truncated, header not written yet): shape it once whole.
    log.reset(log.shape);
    log.needsShape = !(await hasWholeLine(log.path));
    if (log.needsShape) return { firstNew: 0, reset, pendingTail: size > 0, size };
    log.reset(await reshape());
    log.needsShape = false;
  }
  const firstNew = log.count;
  if (size > log.indexedEnd) await indexLog(log, interners, { final });
  await rememberTail(log);
  log.seen = { ...file, at: Date.now() };
  return { firstNew, reset, pendingTail: log.indexedEnd < size, size };
}

/**
 * A file's modification time is trusted to tell a change only this long after it: a rewrite of the
 * same size within the file system's time resolution (2 s on FAT, 1 s on HFS+) keeps it.
 */
const MTIME_RESOLUTION_MS = 2000;

/**
 * Whether the file is as the last refresh saw it (size, modification time, inode), that refresh
 * came well after the change before it, and there is no last row to read now (`final`): then
 * nothing is read. Each follow poll refreshes every log of the folder: for 5,000 one-row logs (the HF
 * saver's per-sample folders) reading each one's tail twice took more than a core.
 */
function unchangedSinceSeen(log: LogIndex, file: FileStat, final: boolean): boolean {
  const seen = log.seen;
  if (!seen || log.needsShape || (final && file.size > log.indexedEnd)) return false;
  return (
    seen.size === file.size &&
    seen.mtimeMs === file.mtimeMs &&
    seen.ino === file.ino &&
    seen.at - seen.mtimeMs > MTIME_RESOLUTION_MS
  );
}

type FileStat = Omit<SeenFile, 'at'>;

/**
 * Takes `file`, stat'ed once the log was read to its end (`indexedEnd` its size), as seen: the
 * next refresh reads nothing while the file keeps its size, time and inode. Stat'ed after the
 * read, not before as refreshLog does: a change in between shows in the size, or in a time within
 * MTIME_RESOLUTION_MS of now, which unchangedSinceSeen never trusts. Or the stat of the one read
 * that gave every byte indexed (whole-file.ts), `at` the time of that read.
 */
export function seenWhole(log: LogIndex, file: FileStat & { at?: number }): void {
  log.size = file.size;
  log.seen = { size: file.size, mtimeMs: file.mtimeMs, ino: file.ino, at: file.at ?? Date.now() };
}

async function fileStat(path: string): Promise<FileStat | null> {
  try {
    const { size, mtimeMs, ino } = await stat(path);
    return { size, mtimeMs, ino };
  } catch {
    return null;
  }
}

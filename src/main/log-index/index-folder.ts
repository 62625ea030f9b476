// Every log of a folder indexed (on two cores when large), with progress, reusing and refreshing
// the persisted index when a cache is given.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GradioReader, LogShape } from '../gradio/log-model';
import { FolderReader } from '../gradio/reader';
import { ReaderRecordSource } from '../gradio/record-source';
import type { SharedInterners } from './apply-scan';
import type { AssetCellsCollector, RecordAuditCollector } from '../scan/scan-job';
import { Interner } from './intern';
import { indexLog } from './index-log';
import { LogIndex } from './log-index';
import { persistIndex, restoreIndex, type IndexCacheOptions, type Restored } from './persisted-index';
import { indexLogParallel, lastSplitOf } from './scan-workers';
import type { ScanThread } from './scan-threads';

export { lastSplitOf };

export type OnProgress = (file: string, bytesIndexed: number, bytesTotal: number, rows: number) => void;

export interface IndexedLog {
  log: LogIndex;
  /** What became of the persisted index (`none` without a cache). */
  restored: Restored;
  /** Why the index could not be kept on disk (the log was indexed all the same). */
  notKept?: string;
  /** Where this pass started scanning: the rows before it came from the persisted index. */
  scannedFrom: number;
}

/** What the scan also collects (`flagdeck inspect`), of the scanned bytes only. */
export interface ScanExtras {
  assets?: AssetCellsCollector;
  audit?: RecordAuditCollector;
  /** A large fresh log's workers fill shared columns (see ParallelPass: the CLI only). */
  sharedColumns?: boolean;
  /** This thread scans a large log's first half (see ParallelPass: one-shot commands only). */
  hostScans?: boolean;
  /** A worker started for this log before its shape was read (see ParallelPass). */
  worker?: ScanThread;
  /** The index is not kept: the scan leaves the rows' roles out of it (see IndexPass). */
  withoutRoles?: boolean;
}

/** Indexes one log of a folder to its end (a last row without terminator included). */
export async function indexOneLog(
  root: string,
  shape: LogShape,
  interners: SharedInterners,
  onProgress?: OnProgress,
  extras: ScanExtras = {},
): Promise<LogIndex> {
  return (await indexOneLogCached(root, shape, interners, onProgress, undefined, extras)).log;
}

/**
 * indexOneLog starting from the log's persisted index where `cache` is given and it still holds
 * (then only bytes past it are scanned), and leaving the index persisted for the next time.
 */
export async function indexOneLogCached(
  ...args: Parameters<typeof indexOneLogKeptLater>
): Promise<IndexedLog> {
  const { kept, ...indexed } = await indexOneLogKeptLater(...args);
  const notKept = await kept;
  return { ...indexed, ...(notKept ? { notKept } : {}) };
}

/**
 * indexOneLogCached, the index still being written to disk when it resolves: `kept` tells when it
 * is there (why not, where it could not be kept). The caller's own work meanwhile (`inspect`'s
 * census) runs while the file is written by libuv's threads.
 */
export async function indexOneLogKeptLater(
  root: string,
  shape: LogShape,
  interners: SharedInterners,
  onProgress?: OnProgress,
  cache?: IndexCacheOptions,
  /** Collected of the scanned bytes only: not of rows restored from the cache. */
  extras: ScanExtras = {},
): Promise<Omit<IndexedLog, 'notKept'> & { kept: Promise<string | undefined> }> {
  const log = new LogIndex(join(root, shape.file), shape);
  if (shape.dialect.format === 'jsonl') log.source = new ReaderRecordSource();
  const restored: Restored = cache
    ? await restoreIndex(log, interners, cache, (await stat(log.path)).size).catch(
        (error: unknown): Restored => ({ kind: 'ignored', reason: String(error) }),
      )
    : { kind: 'none' };
  const reusedEnd = log.indexedEnd;
  const report = (): void => onProgress?.(shape.file, log.indexedEnd, log.size, log.count);
  await indexLogParallel(log, interners, { final: true, onChunk: report, ...extras });
  // Whatever was appended while the workers ran.
  await indexLog(log, interners, { final: true, onChunk: report, ...extras });
  report();
  const kept =
    cache && (restored.kind !== 'reused' || log.indexedEnd !== reusedEnd)
      ? persistIndex(log, interners, cache).then(
          () => undefined,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        )
      : Promise.resolve(undefined);
  return { log, restored, scannedFrom: reusedEnd, kept };
}

/** Every log of `root` indexed. */
export async function indexFolder(
  root: string,
  options: { onProgress?: OnProgress; reader?: GradioReader; cache?: IndexCacheOptions } = {},
): Promise<LogIndex[]> {
  const reader = options.reader ?? new FolderReader();
  const folder = resolve(root);
  const interners = { reasons: new Interner(), usernames: new Interner() };
  const logs: LogIndex[] = [];
  for (const file of await reader.findLogs(folder)) {
    const shape = await reader.shapeOf(folder, file);
    logs.push((await indexOneLogCached(folder, shape, interners, options.onProgress, options.cache)).log);
  }
  return logs;
}

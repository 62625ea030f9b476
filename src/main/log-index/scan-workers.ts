// Indexes a large log on two cores: the file is cut into ranges (range-cuts.ts), the threads
// (scan-threads.ts: two workers in the app, this thread and a worker in one-shot commands) take
// them from one queue, and each cut is kept only if the range before it ends exactly on it (then
// it is a record boundary whatever the quoting). Otherwise the rest is scanned again from where
// that range really ended: correctness first.
import { newlineByte } from '../gradio/line-end';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanResult } from '../scan/scan-job';
import { queueCounter } from '../scan/scan-queue';
import type { SharedInterners } from './apply-scan';
import { applyRanges } from './apply-ranges';
import type { LogIndex } from './log-index';
import { indexLog, type IndexPass } from './index-log';
import { indexKept, type IndexCacheOptions } from './persisted-index';
import { rangeCuts } from './range-cuts';
import { planRanges, type RangePlan } from './range-plan';
import { startScanWorker, thisThread, workersAvailable, type ScanThread } from './scan-threads';

/** Below this many bytes one thread is quicker than starting workers. */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
/**
 * The first slice this thread scans alone, for the rows' size (it sizes the columns). Scanned by
 * code still cold, while the worker waits: 256 KiB took 25-45 ms of a 100k-row first open.
 */
const SAMPLE_BYTES = 64 * 1024;
/**
 * How much more this thread scans than the worker beside it (hostScans): its code is warm from
 * reading the log's shape, the worker's is not (and it may still be booting). Measured on a
 * 100k-row log (27 MB): with even halves the worker finished 25-60 ms after this thread.
 */
const HOST_LEAD_BYTES = 1024 * 1024;
/** The fewest records of a shape's probe that size a log's rows (else a sample is scanned). */
const PROBE_MIN_ROWS = 100;

export interface ParallelPass extends Pick<
  IndexPass,
  'final' | 'onChunk' | 'assets' | 'audit' | 'withoutRoles'
> {
  /** Use worker threads from this many bytes on (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
  /**
   * A fresh log's ranges fill one set of shared columns (shared-columns.ts): the worker's rows are
   * neither transferred as columns of their own nor copied into the log's.
   */
  sharedColumns?: boolean;
  /**
   * Scan ranges in this thread too, beside one worker: for one-shot commands, whose thread waits
   * for the index anyway. The app's main thread keeps serving pages while two workers scan.
   */
  hostScans?: boolean;
  /**
   * A worker started for this log before its shape was read (earlyScanWorker), booted by now:
   * it takes ranges from the back of the queue, or is stopped when one thread scans the log.
   */
  worker?: ScanThread;
}

/**
 * A worker for the second range of the log `file` of the folder `root`, started before anything
 * else is read of it when it is large enough for two threads and will be scanned (not when its
 * persisted index under `cache` is kept, nor for a JSON-lines log): a worker takes about 80 ms to
 * boot, which a one-shot command then spends reading the log's shape instead of waiting.
 * Undefined otherwise. The size comes first: a small log's index file is never named (that would
 * load crypto for nothing).
 */
export async function earlyScanWorker(
  root: string,
  file: string,
  cache?: IndexCacheOptions,
): Promise<ScanThread | undefined> {
  // A JSON-lines log (shape-of.ts tells it by its name) is read by the reader, never scanned.
  if (file.endsWith('.jsonl')) return undefined;
  const path = join(root, file);
  const size = await stat(path).then(
    (found) => found.size,
    () => 0,
  );
  if (size < PARALLEL_MIN_BYTES) return undefined;
  if (cache && (await indexKept(root, file, cache))) return undefined;
  return workersAvailable() ? startScanWorker(path) : undefined;
}

/** The most bytes of rows already indexed that a pass filling shared columns scans again. */
const RESCAN_MAX_BYTES = 1024 * 1024;

/** How the last parallel pass went (for benches and tests). */
export let lastSplit: 'one thread' | 'two workers' | 'this thread and a worker' | 'cut rejected' =
  'one thread';
export const lastSplitOf = (): typeof lastSplit => lastSplit;

/** Indexes the log from `log.indexedEnd` to its end, on two threads when it is large. */
export async function indexLogParallel(
  log: LogIndex,
  interners: SharedInterners,
  pass: ParallelPass,
): Promise<number> {
  const before = log.count;
  lastSplit = 'one thread';
  const size = (await stat(log.path)).size;
  // A log whose first rows were read for a first page (the app's) is scanned again from its data
  // start when the rest is to fill shared columns: those rows are read twice, the others are then
  // neither transferred from a worker nor copied into the log's columns, 32 MB of garbage over a
  // million rows, which glibc kept after V8 freed it. Rows restored from a persisted index, or
  // indexed before an append, are many: they are kept.
  const again =
    pass.sharedColumns === true &&
    log.count > 0 &&
    !log.source &&
    log.indexedEnd - log.shape.dataStart <= RESCAN_MAX_BYTES;
  const from = again ? log.shape.dataStart : log.indexedEnd;
  log.size = size;
  const lead = pass.hostScans === true ? Math.min(HOST_LEAD_BYTES, Math.floor((size - from) / 8)) : 0;
  const cuts =
    !log.source && size - from >= (pass.minBytes ?? PARALLEL_MIN_BYTES) && workersAvailable()
      ? await rangeCuts(log.path, { from, size, lead, newline: newlineByte(log.shape.dialect) })
      : [];
  if (cuts.length === 0) {
    pass.worker?.cancel();
    return indexLog(log, interners, pass);
  }
  // A first slice in this thread tells the average row size, to size the columns once.
  const fresh =
    again || (log.count === 0 && from === log.shape.dataStart)
      ? { state: again ? { line: log.shape.dataLine } : log.scanState }
      : null;
  // The worker boots while this thread reads the sample (unless it booted already).
  const worker = pass.worker ?? startScanWorker(log.path);
  let plan: RangePlan;
  // A fresh log's rows are sized by the records its shape was read from, where there were enough:
  // the sample's scan ran code still cold (a 100k-row folder's first query: 10 ms more CPU, means
  // of 14 alternating runs).
  const probe = log.shape.probe;
  const bytesPerRow =
    fresh && log.count === 0 && probe && probe.rows >= PROBE_MIN_ROWS ? probe.bytes / probe.rows : undefined;
  try {
    if (log.count === 0 && bytesPerRow === undefined) {
      const sample = Math.min(SAMPLE_BYTES, Math.floor((size - from) / 16));
      // A fresh log's first range scans the sample's bytes again: they would be collected twice.
      const extras = fresh !== null ? {} : { assets: pass.assets, audit: pass.audit };
      await indexLog(log, interners, { final: false, until: from + sample, ...extras });
    }
    plan = planRanges(log, pass, { from, cuts, size, bytesPerRow }, fresh);
  } catch (error) {
    worker.cancel();
    throw error;
  }
  const taken = queueCounter();
  // The worker takes the last range, the other thread the first (the lead is the latter's).
  const workerDone = worker.scanQueued(plan.jobs, taken, true);
  const other = pass.hostScans === true ? thisThread(log.path) : startScanWorker(log.path);
  // Settled together, so that a failure of one thread never leaves the other's unhandled.
  const scanned = await Promise.all([other.scanQueued(plan.jobs, taken, false), workerDone]);
  const results: ScanResult[] = [];
  for (const [k, result] of scanned.flat()) results[k] = result;
  const cutsHeld = await applyRanges(log, interners, pass, plan, results, fresh !== null);
  lastSplit = !cutsHeld
    ? 'cut rejected'
    : pass.hostScans === true
      ? 'this thread and a worker'
      : 'two workers';
  return log.count - before;
}

// The k first rows of a large log's later half under a column sort, found by a worker thread while
// this thread goes through the earlier half. Like the column keys (key-workers.ts), each side reads
// plainly written cells only (row-walker.ts) and hands back the rows that need the exact scanner.
import { fs } from '../platform/node-fs';
import { compareTopValues, offerTop, swapTopEntries, topEntryAfter, type TopHeap } from './top-heap';
import { startWorker } from './function-worker';
import { WALKER, walkerProgram, type ColumnRows, type FileCalls, type Walker } from './row-walker';

export interface TopJob extends ColumnRows {
  /** Item number of the job's first row. */
  base: number;
  k: number;
  desc: boolean;
}

export interface TopFound {
  heap: TopHeap;
  /** Rows (indices into the job) left to the exact scanner. */
  left: number[];
}

/** Offers every member row of `job` it can read plainly to `heap`; returns the rows it left. */
export function offerRows(
  job: TopJob,
  heap: TopHeap,
  files: FileCalls,
  w: Walker,
  offer: typeof offerTop,
): number[] {
  const { base } = job;
  return w.walkValues(job, files, w, (row, bytes, from, to) => offer(heap, base + row, bytes, from, to));
}

/** offerRows on this thread. */
export function offerRowsHere(job: TopJob, heap: TopHeap): number[] {
  return offerRows(job, heap, fs, WALKER, offerTop);
}

let program: string | undefined;

/** offerRows to a heap of the worker's own, in a worker thread, which takes over `transfer` (see startWorker). */
export function startTopInWorker(job: TopJob, transfer: ArrayBuffer[]): Promise<{ done: Promise<TopFound> }> {
  program ??= [
    walkerProgram(),
    ...[compareTopValues, topEntryAfter, swapTopEntries, offerTop, offerRows].map(String),
    'const run = (job) => {',
    '  const heap = { k: job.k, desc: job.desc, items: [], values: [] };',
    `  return { heap, left: ${offerRows.name}(job, heap, fs, walker, ${offerTop.name}) };`,
    '};',
  ].join('\n');
  return startWorker<TopFound>(program, job, transfer);
}

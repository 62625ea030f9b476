// The keys of a large log's later rows, filled by a worker thread while this thread fills the
// earlier ones: both write into the same shared arrays. Each side reads plainly written cells only
// (row-walker.ts) and hands back the rows that need the exact scanner, which this thread then reads.
import * as fs from 'node:fs';
import { placeValue, putKey, type KeyTables } from './key-tables';
import { startWorker } from './function-worker';
import { WALKER, walkerProgram, type ColumnRows, type FileCalls, type Walker } from './row-walker';

/** Below this many rows one thread is quicker than starting a worker. */
export const PARALLEL_MIN_ROWS = 100_000;

export interface KeyJob extends ColumnRows {
  /** Item number of the job's first row. */
  base: number;
  tables: KeyTables;
}

/** Keys every row of `job` it can; returns the rows (indices into the job) it left. */
export function keyRows(job: KeyJob, files: FileCalls, w: Walker, put: typeof putKey): number[] {
  const { base, tables } = job;
  return w.walkValues(job, files, w, (row, bytes, from, to) => put(tables, base + row, bytes, from, to));
}

/** keyRows on this thread. */
export function keyRowsHere(job: KeyJob): number[] {
  return keyRows(job, fs, WALKER, putKey);
}

let program: string | undefined;

/** keyRows in a worker thread: see startWorker. */
export function startKeyRowsInWorker(job: KeyJob): Promise<{ done: Promise<number[]> }> {
  program ??= [
    walkerProgram(),
    ...[placeValue, putKey, keyRows].map(String),
    `const run = (job) => ${keyRows.name}(job, fs, walker, ${putKey.name});`,
  ].join('\n');
  // The row columns are the job's own copies: handed over, not copied again.
  return startWorker<number[]>(program, job, [
    job.starts.buffer as ArrayBuffer,
    job.lengths.buffer as ArrayBuffer,
  ]);
}

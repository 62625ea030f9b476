// The keys of a large log's later rows, filled by a worker thread while this thread fills the
// earlier ones: both write into the same shared arrays. Each side reads plainly written cells only
// (row-walker.ts) and hands back the rows that need the exact scanner, which this thread then reads.
import { fs } from '../platform/node-fs';
import { newKeyMemo, placeValue, putKey, type KeyTables } from './key-tables';
import { startWorker } from './function-worker';
import { WALKER, walkerProgram, type ColumnRows, type FileCalls, type Walker } from './row-walker';

/** Below this many rows one thread is quicker than starting a worker. */
export const PARALLEL_MIN_ROWS = 100_000;

export interface KeyJob extends ColumnRows {
  /** Item number of the job's first row. */
  base: number;
  tables: KeyTables;
}

/** What keyRows calls besides the walker, passed in: in a worker they are source text too. */
export interface KeyHelpers {
  putKey: typeof putKey;
  newKeyMemo: typeof newKeyMemo;
}

/** Keys every row of `job` it can; returns the rows (indices into the job) it left. */
export function keyRows(job: KeyJob, files: FileCalls, w: Walker, h: KeyHelpers): number[] {
  const { base, tables } = job;
  const memo = h.newKeyMemo();
  return w.walkValues(job, files, w, (row, bytes, from, to) =>
    h.putKey(tables, base + row, bytes, from, to, memo),
  );
}

/** keyRows on this thread. */
export function keyRowsHere(job: KeyJob): number[] {
  return keyRows(job, fs, WALKER, { putKey, newKeyMemo });
}

let program: string | undefined;

/** keyRows in a worker thread, which takes over `transfer` (see startWorker). */
export function startKeyRowsInWorker(
  job: KeyJob,
  transfer: ArrayBuffer[],
): Promise<{ done: Promise<number[]> }> {
  program ??= [
    walkerProgram(),
    ...[placeValue, putKey, newKeyMemo, keyRows].map(String),
    `const helpers = { putKey: ${putKey.name}, newKeyMemo: ${newKeyMemo.name} };`,
    `const run = (job) => ${keyRows.name}(job, fs, walker, helpers);`,
  ].join('\n');
  return startWorker<number[]>(program, job, transfer);
}

// The `column = value` test: whether a cell is one of the wanted values, and that test over a
// range of rows through the row walker. These functions use nothing but their arguments: a worker
// thread runs their source text (column-matches.ts sends it, with the walker's).
import type { ColumnRows, FileCalls, Walker } from './row-walker';

/** The wanted values as UTF-8 bytes; empty cells match when `wantsEmpty`. */
export interface Wanted {
  wanted: Uint8Array[];
  wantsEmpty: boolean;
}

/** Rows to test, and what they are tested for. */
export interface MatchJob extends ColumnRows, Wanted {}

/** Whether the cell `bytes[from, to)` (null: an empty cell) is a wanted value. */
export function isWanted(want: Wanted, bytes: Uint8Array | null, from: number, to: number): boolean {
  if (bytes === null) return want.wantsEmpty;
  for (const value of want.wanted) {
    if (value.length !== to - from) continue;
    let i = 0;
    while (i < value.length && value[i] === bytes[from + i]) i++;
    if (i === value.length) return true;
  }
  return false;
}

/** Per row of the job, 1 when its cell is a wanted value; and the rows left to the exact scanner. */
export function matchJob(
  job: MatchJob,
  files: FileCalls,
  w: Walker,
  wanted: typeof isWanted,
): { hits: Uint8Array; left: number[] } {
  const hits = new Uint8Array(job.starts.length);
  const left = w.walkValues(job, files, w, (row, bytes, from, to) => {
    hits[row] = wanted(job, bytes, from, to) ? 1 : 0;
  });
  return { hits, left };
}

// The `column = value` test over a range of rows as a worker thread runs it: this function uses
// nothing but its arguments (column-matches.ts sends its source text, with the walker's).
import type { ColumnRows, FileCalls, Walker } from './row-walker';

/** Rows to test, and the wanted values as UTF-8 bytes (empty cells match when `wantsEmpty`). */
export interface MatchJob extends ColumnRows {
  wanted: Uint8Array[];
  wantsEmpty: boolean;
}

/** Per row of the job, 1 when its cell is a wanted value; and the rows left to the exact scanner. */
export function matchJob(job: MatchJob, files: FileCalls, w: Walker): { hits: Uint8Array; left: number[] } {
  const hits = new Uint8Array(job.starts.length);
  const left = w.walkValues(job, files, w, (row, bytes, from, to) => {
    if (bytes === null) {
      hits[row] = job.wantsEmpty ? 1 : 0;
      return;
    }
    for (const value of job.wanted) {
      if (value.length !== to - from) continue;
      let i = 0;
      while (i < value.length && value[i] === bytes[from + i]) i++;
      if (i === value.length) {
        hits[row] = 1;
        return;
      }
    }
  });
  return { hits, left };
}

// The replay outcome of each row of a log, as a column of codes, so the `replay` filter runs over a
// typed array like the review overlay. The replay room fills it from a run's results; the query
// engine only reads it.
import type { ReplayMark } from '../../shared/query-api';

/** Code 0 is "no result in the run" (`none`). */
export const MARK_CODES: readonly ReplayMark[] = ['none', 'same', 'changed', 'error', 'skipped'];

export interface ReplayMarks {
  /** Which run the marks come from. */
  run: string;
  /** Outcome code by row (rows past the end: `none`). */
  codes: Uint8Array;
  /** Changes whenever the run gains results (part of the query cache key). */
  version: string;
}

/** Marks by log key (`<folderId>/<log file>`). */
export type MarksByLog = ReadonlyMap<string, ReplayMarks>;

export function markOf(marks: ReplayMarks | undefined, row: number): number {
  return marks !== undefined && row < marks.codes.length ? marks.codes[row] : 0;
}

export function marksVersion(marks: MarksByLog | undefined): string {
  if (!marks) return '';
  return [...marks].map(([key, m]) => `${key}:${m.version}`).join('|');
}

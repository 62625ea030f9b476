// What a view sees of the current query's rows: a window fetched a page at a time.
import type { SampleRow } from '../../../shared/model';

export const PAGE_SIZE = 100;

export interface PagedRows {
  total: number;
  /** Bumped whenever a page lands, so views re-read `rowAt`. */
  version: number;
  loading: boolean;
  error: string | null;
  /** Rows appended live since the reviewer last looked at the end. */
  newRows: number;
  rowAt(offset: number): SampleRow | undefined;
  /** The view's visible rows; fetches the pages they need. */
  show(first: number, last: number): void;
  acknowledgeNew(): void;
  /** Refetches the visible pages, keeping the current rows on screen until they arrive. */
  refresh(): void;
  /** The offset of the first row at or after `from` (wrapping to the top) passing `test`, or -1. */
  findFrom(from: number, test: (row: SampleRow) => boolean): Promise<number>;
  /** True for rows appended since the last `acknowledgeNew`. */
  isNew(row: SampleRow): boolean;
}

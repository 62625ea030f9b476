// The jobs of a parallel pass: one per range of the log (range-cuts.ts), each with room for its
// rows in a fresh log's shared columns, sized from the rows a first sample held.
import { newlineByte } from '../gradio/line-end';
import type { ScanState } from '../scan/csv-scan';
import type { ColumnName } from '../scan/scan-job';
import type { LogIndex } from './log-index';
import { scannedRoles } from './index-log';
import type { ParallelPass } from './scan-workers';
import type { RangeJob } from './scan-threads';
import { sharedColumns } from './shared-columns';

/** Each scan's read size: 1 MiB reads are as quick as 4 MiB ones, and two threads hold 6 MiB less. */
const READ_BYTES = 1024 * 1024;
/** Room for more rows than the sample's row size predicts, per range. */
const ROOM_SLACK = 1.05;
const ROOM_EXTRA_ROWS = 64;

export interface RangePlan {
  /** In the log's order: job k scans from cut k to cut k + 1. */
  jobs: RangeJob[];
  /** The shared columns the jobs fill (a fresh log's, when the pass asks for them). */
  shared?: Record<ColumnName, SharedArrayBuffer>;
  /** First row of each job's room in the shared columns. */
  rooms: number[];
}

/**
 * Sizes the columns from `bytesPerRow`, else from the rows indexed so far (a sample). A fresh
 * log's first range is scanned from its data start again: its result becomes the log's columns
 * (no copy); `fresh.state` is the scanner's state there.
 */
export function planRanges(
  log: LogIndex,
  pass: ParallelPass,
  { from, cuts, size, ...given }: { from: number; cuts: number[]; size: number; bytesPerRow?: number },
  fresh: { state: ScanState } | null,
): RangePlan {
  const bytesPerRow =
    given.bytesPerRow ?? (log.count > 0 ? (log.indexedEnd - log.shape.dataStart) / log.count : 0);
  const bounds = [from, ...cuts, size];
  const expected = cuts
    .concat(size)
    .map((to, k) =>
      bytesPerRow > 0 ? Math.ceil(((to - bounds[k]) / bytesPerRow) * ROOM_SLACK) + ROOM_EXTRA_ROWS : 0,
    );
  const total = expected.reduce((sum, rows) => sum + rows, 0);
  if (total > 0 && !fresh) log.reserve(log.count + total);
  const shared = fresh && pass.sharedColumns === true && total > 0 ? sharedColumns(total) : undefined;
  const rooms = expected.map((_, k) => expected.slice(0, k).reduce((sum, rows) => sum + rows, 0));
  const common = {
    quote: log.shape.dialect.quote.charCodeAt(0),
    newline: newlineByte(log.shape.dialect),
    ...scannedRoles(log, pass),
    chunkBytes: READ_BYTES,
    ...(pass.assets ? { assets: pass.assets.job } : {}),
    ...(pass.audit ? { audit: pass.audit.job } : {}),
  };
  const last = expected.length - 1;
  const jobs = expected.map((rows, k): RangeJob => ({
    ...common,
    from: bounds[k],
    to: bounds[k + 1],
    state: k > 0 ? { line: 0 } : fresh ? fresh.state : log.scanState,
    final: k === last ? pass.final : false,
    // A fresh log's first result becomes its columns: room for every row then.
    expectedRows: k === 0 && fresh ? total : rows,
    ...(shared ? { into: { buffers: shared, at: rooms[k], room: rows } } : {}),
  }));
  return { jobs, rooms, ...(shared ? { shared } : {}) };
}

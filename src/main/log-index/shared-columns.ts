// A large log's index columns as shared memory, so that the thread scanning one half of the log
// and the worker scanning the other fill the same columns (scan-workers.ts): the worker's rows are
// neither copied across threads nor held twice.
import type { ColumnName, ScanResult } from '../scan/scan-job';

export const COLUMN_NAMES: ColumnName[] = [
  'starts',
  'lengths',
  'lines',
  'reasons',
  'usernames',
  'timestamps',
];
const COLUMN_BYTES: Record<ColumnName, number> = {
  starts: 8,
  lengths: 4,
  lines: 4,
  reasons: 4,
  usernames: 4,
  timestamps: 8,
};

export function sharedColumns(rows: number): Record<ColumnName, SharedArrayBuffer> {
  const entries = COLUMN_NAMES.map((name) => [name, new SharedArrayBuffer(rows * COLUMN_BYTES[name])]);
  return Object.fromEntries(entries) as Record<ColumnName, SharedArrayBuffer>;
}

/** Whole-length views of shared columns, typed as a ScanResult's. */
export function viewsOf(buffers: Record<ColumnName, SharedArrayBuffer>): Pick<ScanResult, ColumnName> {
  return {
    starts: new Float64Array(buffers.starts),
    lengths: new Uint32Array(buffers.lengths),
    lines: new Uint32Array(buffers.lines),
    reasons: new Int32Array(buffers.reasons),
    usernames: new Int32Array(buffers.usernames),
    timestamps: new Float64Array(buffers.timestamps),
  };
}

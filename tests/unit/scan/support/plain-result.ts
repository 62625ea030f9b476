// A scan's result as plain data, its rows only (a result's columns are whole arrays, of which the
// first `count` entries are its rows), for comparing two scans with toEqual.
import type { RowColumns, ScanResult } from '../../../../src/main/scan/scan-job';

/** The first `count` entries of each column, as arrays. */
export function plainRows(rows: RowColumns) {
  const n = rows.count;
  return {
    count: n,
    starts: [...rows.starts.subarray(0, n)],
    lengths: [...rows.lengths.subarray(0, n)],
    lines: [...rows.lines.subarray(0, n)],
    reasons: [...rows.reasons.subarray(0, n)],
    usernames: [...rows.usernames.subarray(0, n)],
    timestamps: [...rows.timestamps.subarray(0, n)],
  };
}

export function plainResult(result: ScanResult) {
  return {
    ...result,
    ...plainRows(result),
    assetCells: result.assetCells && { ...result.assetCells, missing: [...result.assetCells.missing] },
  };
}

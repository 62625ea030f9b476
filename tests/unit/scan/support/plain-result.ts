// A scan's result as plain data, its rows only (a result's columns are whole arrays, of which the
// first `count` entries are its rows), for comparing two scans with toEqual.
import type { ScanResult } from '../../../../src/main/scan/scan-job';

export function plainResult(result: ScanResult) {
  const n = result.count;
  return {
    ...result,
    starts: [...result.starts.subarray(0, n)],
    lengths: [...result.lengths.subarray(0, n)],
    lines: [...result.lines.subarray(0, n)],
    reasons: [...result.reasons.subarray(0, n)],
    usernames: [...result.usernames.subarray(0, n)],
    timestamps: [...result.timestamps.subarray(0, n)],
    assetCells: result.assetCells && { ...result.assetCells, missing: [...result.assetCells.missing] },
  };
}

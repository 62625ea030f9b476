// This thread's range scanners, each made at its first range and kept: their per-record functions
// stay optimized from one range (or one step of a log) to the next. Scans are synchronous, so two
// never share one at once. Ranges of 1 MiB or more go to the scanner made from the source text
// (scanner-source.ts, as a worker's is), whose byte walk and asset census run as WebAssembly;
// smaller ones (a small folder, a few appended rows) to the module's JS functions, which cost
// nothing to set up: making the other took 2-3 ms, a fifth of a 10-row folder's `inspect`.
import { rangeScanner } from './range-scanner';
import { localHelpers } from './scan-helpers';
import type { ScanJob, ScanResult } from './scan-job';
import { scannerFromSource } from './scanner-source';

const LARGE_RANGE_BYTES = 1024 * 1024;

type Scanner = (job: ScanJob) => ScanResult;

let small: Scanner | undefined;
let large: Scanner | undefined;

/** The scanner for a range of `bytes` bytes. */
export function hostScanner(bytes: number): Scanner {
  if (bytes < LARGE_RANGE_BYTES) return (small ??= rangeScanner(localHelpers));
  return (large ??= scannerFromSource() ?? hostScanner(0));
}

// This thread's one range scanner, made at its first range and kept: its per-record functions stay
// optimized from one range (or one step of a log) to the next, and its byte scanner's WebAssembly
// instance is made once. Scans are synchronous, so two never share it at once.
import { rangeScanner } from './range-scanner';
import { localHelpers } from './scan-helpers';
import type { ScanJob, ScanResult } from './scan-job';

let scanner: ((job: ScanJob) => ScanResult) | undefined;

export function hostScanner(): (job: ScanJob) => ScanResult {
  return (scanner ??= rangeScanner(localHelpers));
}

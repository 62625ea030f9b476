// A range job over a whole log file, as the scanner tests give one: quote `"`, LF records, from the
// first byte and line to the end; `rest` says the roles, the read size and what else to collect.
import type { ScanJob } from '../../../../src/main/scan/scan-job';

export function wholeFileJob(
  fd: number,
  size: number,
  rest: Pick<ScanJob, 'roles' | 'chunkBytes'> & Partial<ScanJob>,
): ScanJob {
  return { fd, quote: 34, newline: 10, from: 0, to: size, final: true, state: { line: 1 }, ...rest };
}

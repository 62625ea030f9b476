// One job scanned by one thread alone (the tests' shorthand for a queue of one).
import type { RangeJob, ScanThread } from '../../../../src/main/log-index/scan-threads';
import type { ScanResult } from '../../../../src/main/scan/scan-job';
import { queueCounter } from '../../../../src/main/scan/scan-queue';

export async function scanOne(thread: ScanThread, job: RangeJob): Promise<ScanResult> {
  const [[, result]] = await thread.scanQueued([job], queueCounter(), false);
  return result;
}

// Takes the results of a parallel pass's ranges into the log, in the log's order. A range that did
// not end exactly on the next cut (the cut fell inside a quoted field) ends the pass: the rows
// after it are scanned again in this thread, from where it really ended.
import type { ScanResult } from '../scan/scan-job';
import { applyScan, type SharedInterners } from './apply-scan';
import { indexLog } from './index-log';
import type { LogIndex } from './log-index';
import type { RangePlan } from './range-plan';
import type { ParallelPass } from './scan-workers';
import { COLUMN_NAMES, viewsOf } from './shared-columns';

/** Whether every cut held (else the rows after the first that did not were scanned again here). */
export async function applyRanges(
  log: LogIndex,
  interners: SharedInterners,
  pass: ParallelPass,
  plan: RangePlan,
  results: ScanResult[],
  fresh: boolean,
): Promise<boolean> {
  const end = plan.jobs[plan.jobs.length - 1].to;
  for (let k = 0; k < results.length; k++) {
    const firstRow = k === 0 && fresh ? 0 : log.count;
    // A range after the first counted its lines from 0.
    const lineOffset = k === 0 ? 0 : log.scanState.line;
    takeRows(log, interners, plan, results, k, fresh, lineOffset);
    const result = results[k];
    if (result.assetCells) pass.assets?.take(result.assetCells);
    if (result.audit) pass.audit?.take(result.audit, firstRow, lineOffset);
    if (result.end !== plan.jobs[k].to) {
      if (pass.onChunk) await pass.onChunk(log);
      await indexLog(log, interners, { ...pass, until: end });
      return false;
    }
  }
  log.size = end;
  if (pass.onChunk) await pass.onChunk(log);
  return true;
}

function takeRows(
  log: LogIndex,
  interners: SharedInterners,
  { shared, rooms }: RangePlan,
  results: ScanResult[],
  k: number,
  fresh: boolean,
  lineOffset: number,
): void {
  const result = results[k];
  const inRoom = shared !== undefined && result.filledInto;
  if (k === 0) {
    const columns = inRoom ? { ...result, ...viewsOf(shared) } : result;
    applyScan(log, columns, interners, 0, fresh ? 'adopt' : 'append');
    return;
  }
  const logInShared = shared !== undefined && log.starts.buffer === shared.starts;
  if (inRoom && logInShared) {
    // Moved down to just past the log's last row: the rooms before held fewer rows than planned.
    const views = viewsOf(shared);
    for (const name of COLUMN_NAMES) views[name].copyWithin(log.count, rooms[k], rooms[k] + result.count);
    applyScan(log, result, interners, lineOffset, 'inPlace');
    return;
  }
  // Rows copied in may run over the rooms of later ranges: their rows are copied out first.
  if (logInShared)
    for (let later = k + 1; later < results.length; later++) copyOut(results, later, shared, rooms);
  const columns = inRoom ? { ...result, ...rowsIn(shared, rooms[k], result.count) } : result;
  applyScan(log, columns, interners, lineOffset, 'append');
}

/** A range's rows in the shared columns, as views. */
function rowsIn(shared: NonNullable<RangePlan['shared']>, at: number, count: number) {
  const views = viewsOf(shared);
  return Object.fromEntries(
    COLUMN_NAMES.map((name) => [name, views[name].subarray(at, at + count)]),
  ) as ReturnType<typeof viewsOf>;
}

/** Gives a range that filled its room columns of its own (copies), before that room is written over. */
function copyOut(
  results: ScanResult[],
  k: number,
  shared: NonNullable<RangePlan['shared']>,
  rooms: number[],
): void {
  const result = results[k];
  if (!result.filledInto) return;
  const rows = rowsIn(shared, rooms[k], result.count);
  const copies = Object.fromEntries(COLUMN_NAMES.map((name) => [name, rows[name].slice()])) as ReturnType<
    typeof viewsOf
  >;
  results[k] = { ...result, ...copies, filledInto: false };
}

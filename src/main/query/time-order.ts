// Gradio appends each flag as it comes, so a log's rows are most often in time order already: its
// order by time is then read off in one pass, with neither keys nor radix passes (12 bytes a row of
// working memory besides the order, over a million rows). Times are compared as a sort on them
// compares them: a missing time (NaN) as +Infinity, -0 as 0; `desc` reverses the times' order,
// not the ties', which keep row order.
import { mappedArray } from './mapped-arrays';

interface TimedLog {
  log: { count: number; timestamps: Float64Array };
}

const keyOf = (time: number): number => (Number.isNaN(time) ? Infinity : time);

/** Whether the times of `logs`, one log after the other, never decrease. */
function inTimeOrder(logs: readonly TimedLog[]): boolean {
  let last = -Infinity;
  for (const { log } of logs) {
    const times = log.timestamps;
    for (let row = 0; row < log.count; row++) {
      const key = keyOf(times[row]);
      if (key < last) return false;
      last = key;
    }
  }
  return true;
}

/** Every row of `logs` (by global row number) in time order when they are in it already; else null. */
export function timeOrderIfSorted(
  logs: readonly TimedLog[],
  total: number,
  desc: boolean,
): Uint32Array | null {
  if (!inTimeOrder(logs)) return null;
  const order = mappedArray(Uint32Array, total);
  if (!desc) {
    for (let item = 0; item < total; item++) order[item] = item;
    return order;
  }
  // From the last row back, each run of equal times, its rows in row order.
  let out = 0;
  let runEnd = total;
  let item = total;
  for (let slot = logs.length - 1; slot >= 0; slot--) {
    const { count, timestamps } = logs[slot].log;
    for (let row = count - 1; row >= 0; row--) {
      item--;
      const before = row > 0 ? timestamps[row - 1] : previousLast(logs, slot);
      if (before !== undefined && keyOf(before) === keyOf(timestamps[row])) continue;
      for (let i = item; i < runEnd; i++) order[out++] = i;
      runEnd = item;
    }
  }
  return order;
}

/** The time of the last row before log `slot` (undefined: none). */
function previousLast(logs: readonly TimedLog[], slot: number): number | undefined {
  for (let s = slot - 1; s >= 0; s--) {
    const { count, timestamps } = logs[s].log;
    if (count > 0) return timestamps[count - 1];
  }
  return undefined;
}

// What a query hands a worker of a log's rows: the index's own columns when they are shared memory
// (a large log's are: log-index.ts), which the worker then reads where they are; else a copy,
// which the worker takes over. A copy of half a million rows' starts and lengths is 6 MB made and
// freed by every query split across two threads.
import type { LogIndex } from '../log-index/log-index';

type RowColumn = Float64Array | Uint32Array | Uint8Array;

/** `view` as a worker gets it: itself when it is shared memory, else a copy added to `transfer`. */
function forWorker<T extends RowColumn>(view: T, transfer: ArrayBuffer[]): T {
  if (view.buffer instanceof SharedArrayBuffer) return view;
  const copy = view.slice() as T;
  transfer.push(copy.buffer as ArrayBuffer);
  return copy;
}

/**
 * Rows [from, to) of `log` (and the marks of the rows to read, null: all), as views for this
 * thread, or with `transfer`, as a worker gets them (forWorker).
 */
export function rowColumns(
  log: LogIndex,
  from: number,
  to: number,
  member: Uint8Array | null,
  transfer: ArrayBuffer[] | null,
): { starts: Float64Array; lengths: Uint32Array; member: Uint8Array | null } {
  const starts = log.starts.subarray(from, to);
  const lengths = log.lengths.subarray(from, to);
  if (transfer === null) return { starts, lengths, member };
  return {
    starts: forWorker(starts, transfer),
    lengths: forWorker(lengths, transfer),
    member: member && forWorker(member, transfer),
  };
}

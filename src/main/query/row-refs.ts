// How a query names a row across its logs: one number per row, so that a result is a typed array.
import { mappedArray } from './mapped-arrays';

/** Rows are referred to as `slot * 2^32 + row`, `slot` being the log's position in the query. */
export const SLOT = 2 ** 32;

/**
 * A query's rows as refs. Over one log every ref is its row number (slot 0), which fits 32 bits:
 * half the memory of a Float64Array, and a sorted view of every row is then the kept order itself.
 */
export type RowRefs = Float64Array | Uint32Array;

/** Room for `count` refs into `logs` logs. */
export function newRefs(logs: number, count: number): RowRefs {
  return logs <= 1 ? mappedArray(Uint32Array, count) : mappedArray(Float64Array, count);
}

/** Refs grouped by slot, each group's rows in the refs' order. */
export function rowsBySlot(refs: Iterable<number>): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const ref of refs) {
    const slot = Math.floor(ref / SLOT);
    const rows = groups.get(slot);
    if (rows) rows.push(ref % SLOT);
    else groups.set(slot, [ref % SLOT]);
  }
  return groups;
}

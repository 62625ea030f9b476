// How a query names a row across its logs: one number per row, so that a result is a Float64Array.

/** Rows are referred to as `slot * 2^32 + row`, `slot` being the log's position in the query. */
export const SLOT = 2 ** 32;

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

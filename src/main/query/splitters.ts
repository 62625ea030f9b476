// Distinct values sampled evenly from a column, sorted: they cut the column into ordered buckets.
// A value either equals a splitter (a repeated label, a short chat) or falls in the gap between two
// neighbours, and then it starts with everything the two neighbours share (a common path, a JSON
// prefix): what tells values of one gap apart comes after that shared prefix.
import type { ColumnSource } from './column-source';
import { placeValue } from './key-tables';

/** Values sampled per column (a few ms of reads; more splitters, smaller gaps). Tests lower it. */
export const SAMPLING = { items: 2048 };

function lcp(a: Uint8Array, b: Uint8Array): number {
  const end = Math.min(a.length, b.length);
  let i = 0;
  while (i < end && a[i] === b[i]) i++;
  return i;
}

export class Splitters {
  /**
   * `shared[j]`: bytes every value of gap j starts with (gap j lies between values j - 1 and j;
   * gap 0 below the first, gap `values.length` above the last).
   */
  readonly shared: Uint32Array;
  /**
   * For each value as the midpoint of the binary search (its bounds are fixed by where it sits):
   * the bytes it shares with its lower bound and with its upper bound (Manber and Myers).
   */
  readonly withLower: Uint32Array;
  readonly withUpper: Uint32Array;

  constructor(readonly values: Uint8Array[]) {
    const m = values.length;
    this.shared = new Uint32Array(m + 1);
    for (let j = 1; j < m; j++) this.shared[j] = lcp(values[j - 1], values[j]);
    this.withLower = new Uint32Array(m);
    this.withUpper = new Uint32Array(m);
    const stack = [-1, m];
    while (stack.length > 0) {
      const hi = stack.pop() as number;
      const lo = stack.pop() as number;
      if (hi - lo <= 1) continue;
      const mid = (lo + hi) >>> 1;
      this.withLower[mid] = lo < 0 ? 0 : lcp(values[lo], values[mid]);
      this.withUpper[mid] = hi >= m ? 0 : lcp(values[mid], values[hi]);
      stack.push(lo, mid, mid, hi);
    }
  }

  /** See placeValue. */
  place(bytes: Uint8Array, from: number, to: number): number {
    return placeValue(this, bytes, from, to);
  }
}

/** Splitters from up to `sampleItems` items spread evenly over the column (empty cells left out). */
export async function sampleSplitters(
  source: ColumnSource,
  sampleItems = SAMPLING.items,
): Promise<Splitters> {
  const total = source.total;
  const picks = Math.min(sampleItems, total);
  const items: number[] = [];
  for (let k = 0; k < picks; k++) {
    const item = Math.floor(((k + 0.5) * total) / picks);
    if (items[items.length - 1] !== item) items.push(item);
  }
  const values = (await source.valuesOf(items)).filter((v): v is Uint8Array => v !== null);
  values.sort(Buffer.compare);
  const distinct = values.filter((v, i) => i === 0 || Buffer.compare(values[i - 1], v) !== 0);
  return new Splitters(distinct);
}

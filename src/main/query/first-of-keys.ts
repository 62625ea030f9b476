// The first rows of a numeric-key order without ordering the rest: `flagdeck query --sort timestamp
// --limit 10` over a million rows needs ten of them, and a radix sort of all costs about 230 ms. The
// k-th key is found by selection (linear time), then only the keys up to it are sorted.
import { orderOfKeys } from './sort-refs';

/** orderOfKeys(keys, desc).slice(0, upTo), the same rows in the same order (ties by index). */
export function firstOfKeys(keys: Float64Array, upTo: number, desc: boolean): Uint32Array {
  const n = keys.length;
  if (upTo >= n) return orderOfKeys(keys, desc);
  // The order orderOfKeys sorts by: NaN last either way, desc as the negated key.
  const effective = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    effective[i] = Number.isNaN(key) ? Infinity : desc ? -key : key;
  }
  const bound = kthSmallest(effective.slice(), upTo - 1);
  const chosen: number[] = [];
  for (let i = 0; i < n; i++) if (effective[i] < bound) chosen.push(i);
  for (let i = 0; i < n && chosen.length < upTo; i++) if (effective[i] === bound) chosen.push(i);
  // Infinity - Infinity is NaN: equal keys fall through to the index.
  chosen.sort((a, b) => effective[a] - effective[b] || a - b);
  return Uint32Array.from(chosen);
}

/** The value at position `k` of `values` in ascending order (no NaN); reorders `values`. */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
    // Three ways (< pivot, = pivot, > pivot): many equal keys (timestamps of one second) stay linear.
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const value = values[i];
      if (value < pivot) swap(values, lt++, i++);
      else if (value > pivot) swap(values, i, gt--);
      else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return values[k];
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

function swap(values: Float64Array, i: number, j: number): void {
  const value = values[i];
  values[i] = values[j];
  values[j] = value;
}

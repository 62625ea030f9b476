// Sorts row refs by a numeric key, ties kept in their current order, in linear time: a counting sort
// when the keys are small integers (reason, status, username, column ranks), an LSD radix sort on
// the keys' IEEE-754 bits otherwise (timestamps). A comparator sort of a million rows takes ~0.4 s
// here; these take a few tens of ms.
import { mappedArray } from './mapped-arrays';

const COUNTING_LIMIT = 1 << 22;

function smallIntegerMax(keys: Float64Array): number {
  let max = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!(key >= 0 && key < COUNTING_LIMIT) || key !== Math.floor(key)) return -1;
    if (key > max) max = key;
  }
  return max;
}

function countingOrder(keys: Float64Array, max: number, desc: boolean): Uint32Array {
  const n = keys.length;
  const counts = new Uint32Array(max + 2);
  for (let i = 0; i < n; i++) counts[(desc ? max - keys[i] : keys[i]) + 1]++;
  for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
  const order = mappedArray(Uint32Array, n);
  for (let i = 0; i < n; i++) order[counts[desc ? max - keys[i] : keys[i]]++] = i;
  return order;
}

/** Bytes per key that radixOrder's passes work in besides the keys themselves and the order. */
export const RADIX_SCRATCH_BYTES = 4;

/**
 * Stable order of `keys` by their value, through 4 passes of 16 bits over sortable key bits. Given
 * `scratch` (RADIX_SCRATCH_BYTES a key), the passes work there and in the keys, which become their
 * sortable bits: only the order is new memory. Else the keys are left as they are.
 */
function radixOrder(keys: Float64Array, desc: boolean, scratch?: Uint32Array): Uint32Array {
  const n = keys.length;
  const bits = scratch ? new Uint32Array(keys.buffer, keys.byteOffset, 2 * n) : new Uint32Array(2 * n);
  const view = new Float64Array(1);
  const words = new Uint32Array(view.buffer);
  for (let i = 0; i < n; i++) {
    // NaN sorts last either way; -0 and 0 are the same key.
    const key = keys[i];
    // + 0 turns -0 into 0.
    view[0] = Number.isNaN(key) ? Infinity : (desc ? -key : key) + 0;
    let hi = words[1];
    let lo = words[0];
    // Make the unsigned order of the bits the numeric order: flip all bits of negatives, the sign of positives.
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    // Key i is read before its own 8 bytes are written: in place, nothing else is overwritten.
    bits[2 * i] = lo;
    bits[2 * i + 1] = hi;
  }
  // An even number of passes: the result ends in the array the first pass reads.
  let order: Uint32Array = mappedArray(Uint32Array, n);
  let next: Uint32Array = scratch ? scratch.subarray(0, n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((bits[2 * order[i] + word] >>> shift) & 0xffff) + 1]++;
    for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
    for (let i = 0; i < n; i++) {
      const index = order[i];
      next[counts[(bits[2 * index + word] >>> shift) & 0xffff]++] = index;
    }
    [order, next] = [next, order];
  }
  return order as Uint32Array<ArrayBuffer>; // the array made above: 4 passes end where they began
}

/**
 * Indices of `keys` in key order, ties in index order; `desc` reverses the key order, not the ties.
 * `scratch`: memory for the radix passes, which then overwrite the keys too (radixOrder).
 */
export function orderOfKeys(keys: Float64Array, desc: boolean, scratch?: Uint32Array): Uint32Array {
  const max = smallIntegerMax(keys);
  return max >= 0 ? countingOrder(keys, max, desc) : radixOrder(keys, desc, scratch);
}

/** orderOfKeys for ranks (small integers already): no 8-byte key per row is made. */
export function orderOfRanks(ranks: Uint32Array, desc: boolean): Uint32Array {
  let max = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] > max) max = ranks[i];
  const n = ranks.length;
  const counts = new Uint32Array(max + 2);
  for (let i = 0; i < n; i++) counts[(desc ? max - ranks[i] : ranks[i]) + 1]++;
  for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
  const order = mappedArray(Uint32Array, n);
  for (let i = 0; i < n; i++) order[counts[desc ? max - ranks[i] : ranks[i]]++] = i;
  return order;
}

/** Sorts `refs` in place by `keys` (same length); `desc` reverses the key order, not the ties. */
export function sortRefs(refs: Float64Array, keys: Float64Array, desc: boolean): void {
  const order = orderOfKeys(keys, desc);
  const sorted = new Float64Array(refs.length);
  for (let i = 0; i < refs.length; i++) sorted[i] = refs[order[i]];
  refs.set(sorted);
}

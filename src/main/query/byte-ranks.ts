// Ranks of byte-string values (UTF-8, so the order is the code points' order, as Python's sorted()
// and a byte-wise `sort` give it): an MSD radix sort, one byte per level, that never builds a string.
// Its cost is the bytes that tell values apart, not n log n string comparisons.
import type { ColumnBytes } from './column-bytes';

/** Ranges this small are sorted by comparison instead of by buckets. */
const SMALL = 24;

/** Compares whole values; called only for values cut to their prefix that agree that far. */
export type WholeCompare = (a: number, b: number) => number;

function compareFrom(values: ColumnBytes, a: number, b: number, depth: number, whole: WholeCompare): number {
  const { bytes, starts, lengths, cut } = values;
  const la = lengths[a];
  const lb = lengths[b];
  const sa = starts[a];
  const sb = starts[b];
  const shorter = Math.min(la, lb);
  for (let i = depth; i < shorter; i++) {
    const diff = bytes[sa + i] - bytes[sb + i];
    if (diff !== 0) return diff;
  }
  if (cut[a] === 1 || cut[b] === 1)
    return la === lb || (la < lb ? cut[a] : cut[b]) === 1 ? whole(a, b) : la - lb;
  return la - lb;
}

/** How far past `depth` the values of order[lo, hi) all agree (bounded by the shortest of them). */
function commonPrefix(
  values: ColumnBytes,
  order: Uint32Array,
  lo: number,
  hi: number,
  depth: number,
): number {
  const { bytes, starts, lengths } = values;
  const first = starts[order[lo]];
  let shared = lengths[order[lo]];
  for (let i = lo + 1; i < hi && shared > depth; i++) {
    const item = order[i];
    const start = starts[item];
    const end = Math.min(shared, lengths[item]);
    let k = depth;
    while (k < end && bytes[start + k] === bytes[first + k]) k++;
    shared = k;
  }
  return Math.max(shared, depth);
}

/**
 * rank[v] for every stored value: 1 + the number of distinct smaller values (equal values, which
 * only cut ones can be, share a rank). `whole` settles ties between cut values.
 */
export function byteRanks(values: ColumnBytes, whole: WholeCompare): Uint32Array {
  const { count, bytes, starts, lengths, cut } = values;
  const ranks = new Uint32Array(count);
  const m = count;
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  const scratch = new Uint32Array(m);
  const digits = new Uint16Array(m);
  const counts = new Uint32Array(257);
  let rank = 0;
  // Ranges [lo, hi) whose items agree on their first `depth` bytes; popped smallest first.
  const stack: number[] = [0, m, 0];

  const rankSorted = (lo: number, hi: number, depth: number): void => {
    for (let i = lo; i < hi; i++) {
      if (i === lo || compareFrom(values, order[i - 1], order[i], depth, whole) !== 0) rank++;
      ranks[order[i]] = rank;
    }
  };

  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    if (hi - lo <= SMALL) {
      const part = Array.from(order.subarray(lo, hi));
      part.sort((a, b) => compareFrom(values, a, b, depth, whole) || a - b);
      order.set(part, lo);
      rankSorted(lo, hi, depth);
      continue;
    }
    counts.fill(0);
    for (let i = lo; i < hi; i++) {
      const item = order[i];
      // Each value's byte at `depth` is read once per level and kept beside the order.
      const digit = lengths[item] > depth ? bytes[starts[item] + depth] + 1 : 0;
      digits[i] = digit;
      counts[digit]++;
    }
    if (counts[digits[lo]] === hi - lo && digits[lo] !== 0) {
      // Every value goes on alike (JSON cells, repeated values): skip to where they part.
      stack.push(lo, hi, commonPrefix(values, order, lo, hi, depth + 1));
      continue;
    }
    const ended = counts[0];
    for (let b = 0, at = lo; b < 257; b++) {
      const size = counts[b];
      counts[b] = at;
      at += size;
    }
    for (let i = lo; i < hi; i++) scratch[counts[digits[i]]++] = order[i];
    order.set(scratch.subarray(lo, hi), lo);
    // Buckets now end at counts[b]; the values that ended here come first and are equal, unless cut.
    if (ended > 0) {
      let anyCut = false;
      for (let i = lo; i < lo + ended; i++) if (cut[order[i]] === 1) anyCut = true;
      if (anyCut) {
        const part = Array.from(order.subarray(lo, lo + ended));
        part.sort((a, b) => compareFrom(values, a, b, depth, whole) || a - b);
        order.set(part, lo);
        rankSorted(lo, lo + ended, depth);
      } else {
        rank++;
        for (let i = lo; i < lo + ended; i++) ranks[order[i]] = rank;
      }
    }
    for (let b = 256; b >= 1; b--) {
      if (counts[b] > counts[b - 1]) stack.push(counts[b - 1], counts[b], depth + 1);
    }
  }
  return ranks;
}

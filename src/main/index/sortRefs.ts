// Sorts row refs by a numeric key, ties kept in their current order: a counting sort when the keys
// are small integers (reason, status, username, column ranks), a merge sort of indices otherwise.

const COUNTING_LIMIT = 1 << 20;

function isSmallIntegers(keys: Float64Array): number {
  let max = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!(key >= 0 && key < COUNTING_LIMIT) || key !== Math.floor(key)) return -1;
    if (key > max) max = key;
  }
  return max;
}

/** Sorts `refs` in place by `keys` (same length); `desc` reverses the key order, not the ties. */
export function sortRefs(refs: Float64Array, keys: Float64Array, desc: boolean): void {
  const n = refs.length;
  const max = isSmallIntegers(keys);
  const sorted = new Float64Array(n);
  if (max >= 0) {
    const counts = new Uint32Array(max + 2);
    for (let i = 0; i < n; i++) counts[(desc ? max - keys[i] : keys[i]) + 1]++;
    for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
    for (let i = 0; i < n; i++) sorted[counts[desc ? max - keys[i] : keys[i]]++] = refs[i];
  } else {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Typed-array sort with a comparator is stable (ES2019) and fast on nearly sorted input.
    order.sort(desc ? (a, b) => keys[b] - keys[a] || a - b : (a, b) => keys[a] - keys[b] || a - b);
    for (let i = 0; i < n; i++) sorted[i] = refs[order[i]];
  }
  refs.set(sorted);
}

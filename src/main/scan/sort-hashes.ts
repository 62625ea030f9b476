// The hashes of the references a scan settled as missing, sorted where they were found (the tally
// then merges the ranges' lists). On the bench's 1M-row log each thread sorts half a million, and
// Float64Array's own sort took 56 ms of the 650 the first open costs that thread. refHashes are
// uniform, so one in-place pass puts them in 4,096 buckets by their top bits, and each bucket
// (a hundred-odd hashes, in cache) is sorted on its own: 500,000 hashes in 33 ms against 51
// (256 buckets: 40 ms; 65,536 with insertion sorts: 40 ms, its cursors no longer in cache). A
// scanning thread sorts in WebAssembly instead (wasm/sort-hashes.c, the same buckets). Sent to
// worker threads as source text with asset-cells.ts: no imports, no module constants.

/**
 * Sorts `hashes` (refHashes: integers in [0, 2^53)) ascending, in place, and returns it.
 * `sortInPlace`, where given, sorts a large list instead (csv-scan-wasm.ts: in WebAssembly);
 * false when it could not.
 */
export function sortHashes(
  hashes: Float64Array,
  sortInPlace?: (hashes: Float64Array) => boolean,
): Float64Array {
  const n = hashes.length;
  if (n < 65536) return hashes.sort();
  if (sortInPlace?.(hashes) === true) return hashes;
  const buckets = 4096;
  const width = 2 ** 41;
  const bucketOf = (value: number): number => {
    const bucket = Math.floor(value / width);
    return bucket < 0 ? 0 : bucket >= buckets ? buckets - 1 : bucket;
  };
  // starts[b]: where bucket b begins; starts[buckets] = n.
  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) starts[bucketOf(hashes[i]) + 1]++;
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  // Each hash is moved straight to the next free place of its bucket, the one there taken along.
  const free = starts.slice(0, buckets);
  for (let b = 0; b < buckets; b++) {
    while (free[b] < starts[b + 1]) {
      let value = hashes[free[b]];
      let home = bucketOf(value);
      while (home !== b) {
        const at = free[home]++;
        const displaced = hashes[at];
        hashes[at] = value;
        value = displaced;
        home = bucketOf(value);
      }
      hashes[free[b]++] = value;
    }
  }
  for (let b = 0; b < buckets; b++) hashes.subarray(starts[b], starts[b + 1]).sort();
  return hashes;
}

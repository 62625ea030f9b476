// Two sorted lists of refHashes as one sorted list without repeats, for the census's tally
// (cli/inspect/asset-tally.ts): the two scanning threads' missing hashes, half a million each on
// the bench's 1M-row log, where a JS merge took 20-25 ms of the tail this thread runs alone. The
// merge runs in WebAssembly (sort-hashes.c merge_distinct) in an instance's copy area, a slice of
// the hash range at a time, so that no memory grows for it.
import type { Exports, WebAssemblyApi } from './wasm-engine';
import { scanModule } from './scanner-source';

let instance: Exports | null | undefined;

function merger(): Exports | null {
  if (instance !== undefined) return instance;
  const { WebAssembly: api } = globalThis as unknown as { WebAssembly?: WebAssemblyApi };
  const compiled = scanModule();
  instance = api && compiled ? (new api.Instance(compiled).exports as Exports) : null;
  return instance;
}

/** The first index of sorted `list` whose value is at least `value`. */
function lowerBound(list: Float64Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `a` and `b` (each sorted) merged, each value once; null when WebAssembly is not there, an input
 * is not sorted, or a slice is too crowded for the copy area (the caller merges in JS then).
 */
export function mergeDistinct(a: Float64Array, b: Float64Array): Float64Array | null {
  const x = merger();
  if (x === null || x.area_ptr() % 8 !== 0) return null;
  // Inputs and output of a slice fit in the copy area: a quarter of it per input, on average.
  const room = x.area_bytes() >>> 3;
  const slices = Math.max(1, Math.ceil((a.length + b.length) / (room / 4)));
  const out = new Float64Array(a.length + b.length);
  let written = 0;
  let fromA = 0;
  let fromB = 0;
  for (let slice = 1; slice <= slices; slice++) {
    // Slices split the hash range [0, 2^53), so a value's repeats all fall in one slice.
    const bound = slice === slices ? Infinity : Math.floor((slice / slices) * 2 ** 53);
    const toA = slice === slices ? a.length : lowerBound(a, bound);
    const toB = slice === slices ? b.length : lowerBound(b, bound);
    const na = toA - fromA;
    const nb = toB - fromB;
    // lowerBound leaves each slice's last value below its first in the next (so merge_distinct,
    // checking within slices, sees any descent), but on a list that is not sorted the slices it
    // finds may run backwards.
    if (na < 0 || nb < 0 || 2 * (na + nb) > room) return null;
    const area = new Float64Array(x.memory.buffer, x.area_ptr(), 2 * (na + nb));
    area.set(a.subarray(fromA, toA));
    area.set(b.subarray(fromB, toB), na);
    const count = x.merge_distinct(na, nb);
    if (count < 0) return null;
    out.set(area.subarray(na + nb, na + nb + count), written);
    written += count;
    fromA = toA;
    fromB = toB;
  }
  return out.subarray(0, written);
}

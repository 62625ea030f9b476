// Seeded integers in [0, 2^53), as refHash gives them, for the tests of sorting and merging them.

/** A generator of such integers from `seed` (an LCG: a failing case is named by its seed). */
export function randomHashes(seed: number): () => number {
  let state = seed;
  const next32 = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  return () => (next32() >>> 11) * 2 ** 32 + next32();
}

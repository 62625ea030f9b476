import { describe, expect, it } from 'vitest';
import { sortHashes } from '../../../src/main/scan/sort-hashes';

/** A seeded generator of integers in [0, 2^53), as refHash gives them. */
function hashes(seed: number): () => number {
  let state = seed;
  const next32 = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  return () => (next32() >>> 11) * 2 ** 32 + next32();
}

function expectSortedLike(list: Float64Array): void {
  const expected = Float64Array.from(list).sort();
  const result = sortHashes(list);
  expect(result).toBe(list);
  const firstWrong = expected.findIndex((value, i) => result[i] !== value);
  expect(firstWrong).toBe(-1);
}

describe('sortHashes', () => {
  it.each([0, 1, 2, 1000, 65_535, 65_536, 70_001, 400_000])('sorts %i uniform hashes', (count) => {
    const next = hashes(count + 7);
    expectSortedLike(Float64Array.from({ length: count }, next));
  });

  it('sorts hashes that repeat (one missing file referenced by many rows)', () => {
    const next = hashes(3);
    const repeated = next();
    expectSortedLike(Float64Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? next() : repeated)));
  });

  it('sorts hashes crowded into a few buckets, and the edges of the range', () => {
    const next = hashes(11);
    const crowded = Float64Array.from({ length: 100_000 }, (_, i) => {
      if (i % 5 === 0) return 2 ** 53 - 1 - (next() % 1000);
      if (i % 5 === 1) return 0;
      if (i % 5 === 2) return 2 ** 37 * (next() % 3);
      return next() % 2 ** 38;
    });
    expectSortedLike(crowded);
  });

  it('keeps the values of a list given as part of a larger buffer, and nothing past it', () => {
    const next = hashes(5);
    const whole = Float64Array.from({ length: 100_000 }, next);
    const after = Array.from(whole.subarray(90_000));
    expectSortedLike(whole.subarray(0, 90_000));
    expect(Array.from(whole.subarray(90_000))).toEqual(after);
  });
});

// Two sorted lists of refHashes merged without repeats in WebAssembly, a slice of the hash range at
// a time, against the same done plainly; and the lists it must leave to the caller.
import { describe, expect, it } from 'vitest';
import { mergeDistinct } from '../../../src/main/scan/merge-distinct';
import { randomHashes } from './support/random-hashes';

const sorted = (values: number[]): Float64Array => Float64Array.from(values).sort();
const plainly = (a: Float64Array, b: Float64Array): number[] =>
  [...new Set([...a, ...b])].sort((x, y) => x - y);

describe('mergeDistinct', () => {
  it('merges two lists of half a million, repeats within and between them, as a plain merge does', () => {
    const next = randomHashes(1);
    const shared = Array.from({ length: 50_000 }, next);
    const a = sorted([...Array.from({ length: 450_000 }, next), ...shared, ...shared.slice(0, 1000)]);
    const b = sorted([...Array.from({ length: 450_000 }, next), ...shared]);
    const merged = mergeDistinct(a, b);
    expect(merged).not.toBeNull();
    expect(Array.from(merged!)).toEqual(plainly(a, b));
  });

  it('merges empty lists, one value, and the edges of the hash range', () => {
    expect(Array.from(mergeDistinct(new Float64Array(0), new Float64Array(0))!)).toEqual([]);
    expect(Array.from(mergeDistinct(sorted([7, 7]), new Float64Array(0))!)).toEqual([7]);
    const edges = sorted([0, 0, 1, 2 ** 53 - 1, 2 ** 53 - 1]);
    expect(Array.from(mergeDistinct(edges, sorted([0, 2 ** 52, 2 ** 53 - 1]))!)).toEqual([
      0,
      1,
      2 ** 52,
      2 ** 53 - 1,
    ]);
  });

  it('leaves to the caller a list that is not sorted', () => {
    const next = randomHashes(2);
    const b = sorted(Array.from({ length: 300_000 }, next));
    const swapped = Float64Array.from(b);
    [swapped[10], swapped[11]] = [swapped[11], swapped[10]];
    expect(mergeDistinct(swapped, b)).toBeNull();
  });

  it('leaves to the caller lists crowded into one slice of the hash range', () => {
    const crowded = Float64Array.from({ length: 400_000 }, (_, i) => i);
    expect(mergeDistinct(crowded, crowded)).toBeNull();
  });
});

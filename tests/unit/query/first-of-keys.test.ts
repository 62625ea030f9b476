// The first k of a numeric-key order, found by selection, are exactly the full order's first k:
// same rows, same order, ties by index, NaN last, desc reversing keys but not ties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOfKeys } from '../../../src/main/query/first-of-keys';
import { orderOfKeys } from '../../../src/main/query/sort-refs';

const key = fc.oneof(
  fc.double(),
  fc.integer({ min: 0, max: 4 }),
  fc.constantFrom(Infinity, -Infinity, NaN, 0, -0, 1.7e12 + 0.123, 1.7e12 + 0.123),
);

describe('firstOfKeys', () => {
  it('gives the first k of orderOfKeys for any keys and k (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.nat(320), fc.boolean(), (keys, k, desc) => {
        const typed = new Float64Array(keys);
        const full = [...orderOfKeys(typed, desc)];
        expect([...firstOfKeys(typed, k, desc)]).toEqual(full.slice(0, k));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the earliest of many equal keys', () => {
    const keys = new Float64Array(10_000).fill(5);
    keys[7000] = 1;
    expect([...firstOfKeys(keys, 3, false)]).toEqual([7000, 0, 1]);
    expect([...firstOfKeys(keys, 3, true)]).toEqual([0, 1, 2]);
  });
});

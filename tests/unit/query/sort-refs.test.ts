import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderOfKeys, RADIX_SCRATCH_BYTES, sortRefs } from '../../../src/main/query/sort-refs';

function expected(refs: number[], keys: number[], desc: boolean): number[] {
  const rank = (k: number) => (Number.isNaN(k) ? Infinity : desc ? -k : k);
  return refs
    .map((ref, i) => ({ ref, key: rank(keys[i]), i }))
    .sort((a, b) => (a.key === b.key ? a.i - b.i : a.key < b.key ? -1 : 1))
    .map((e) => e.ref);
}

describe('sortRefs', () => {
  it('orders by any double key, stably, both directions (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.integer({ min: 0, max: 5 }), fc.constant(1.7e12 + 0.123)), {
          maxLength: 200,
        }),
        fc.boolean(),
        (keys, desc) => {
          // -0 and 0 are one key (fc.double() makes both).
          const refs = keys.map((_, i) => i * 3 + 2 ** 32);
          const array = new Float64Array(refs);
          sortRefs(array, new Float64Array(keys), desc);
          expect([...array]).toEqual(expected(refs, keys, desc));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sorts small integer keys by counting, ties in place', () => {
    const refs = new Float64Array([10, 11, 12, 13, 14]);
    sortRefs(refs, new Float64Array([2, 0, 2, 1, 0]), false);
    expect([...refs]).toEqual([11, 14, 13, 10, 12]);
    const back = new Float64Array([10, 11, 12, 13, 14]);
    sortRefs(back, new Float64Array([2, 0, 2, 1, 0]), true);
    expect([...back]).toEqual([10, 12, 13, 11, 14]);
  });

  it('orders the same in working memory and in its own keys, which it leaves out of the order it returns', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 200 }), fc.boolean(), (keys, desc) => {
        const scratch = new Uint32Array((RADIX_SCRATCH_BYTES * keys.length) / 4);
        const spent = new Float64Array(keys);
        const inScratch = orderOfKeys(spent, desc, scratch);
        expect([...inScratch]).toEqual([...orderOfKeys(new Float64Array(keys), desc)]);
        expect(inScratch.buffer).not.toBe(scratch.buffer);
        expect(inScratch.buffer).not.toBe(spent.buffer);
        scratch.fill(0xffffffff);
        spent.fill(0);
        expect([...inScratch]).toEqual([...orderOfKeys(new Float64Array(keys), desc)]);
      }),
      { numRuns: 200 },
    );
  });
});

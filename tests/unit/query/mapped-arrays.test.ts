// Large per-row arrays are mapped on their own (a buffer past glibc's largest mmap threshold) and
// counted for the bytes they use; small ones are plain arrays.
import { describe, expect, it } from 'vitest';
import { heldBytes, mappedArray, MMAPPED_BYTES } from '../../../src/main/query/mapped-arrays';

describe('mappedArray', () => {
  it('gives a zeroed array of the length asked, mapped when 1 MB or more', () => {
    const large = mappedArray(Uint32Array, 1 << 20);
    expect(large.length).toBe(1 << 20);
    expect(large.every((value) => value === 0)).toBe(true);
    expect(large.buffer.byteLength).toBeGreaterThanOrEqual(MMAPPED_BYTES);
    const small = mappedArray(Float64Array, 1000);
    expect(small.buffer.byteLength).toBe(8000);
  });

  it('counts a mapped array by its own bytes, a view of a plain one by its whole buffer', () => {
    const large = mappedArray(Uint32Array, 1 << 20);
    expect(heldBytes(large)).toBe(4 << 20);
    const plain = new Uint32Array(1000);
    expect(heldBytes(plain.subarray(0, 10))).toBe(4000);
  });
});

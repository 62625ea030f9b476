// The hash that stands for a file reference in the census (asset-cells.ts, asset-census.c): sent
// to worker threads as source text with the scanner, so it uses nothing but its arguments.

/**
 * A 53-bit hash of bytes that tells a million references apart without their text: two lanes of a
 * multiply and a shift per 4-byte word (the last 0-3 bytes one more word, then the length), about
 * four times fewer steps than a hash per byte. Within a lane each step is one-to-one, so two
 * references of one length that differ in a single word never share a hash. asset-census.c has
 * the same; census-file.ts's version changes with it.
 */
export function refHash(bytes: Uint8Array, start: number, end: number): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const word = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    a = Math.imul(a ^ word, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b ^ word, 0x85ebca77);
    b ^= b >>> 13;
  }
  let tail = 0;
  for (let shift = 0; i < end; i++, shift += 8) tail |= bytes[i] << shift;
  for (let last = 0; last < 2; last++) {
    const word = last === 0 ? tail : end - start;
    a = Math.imul(a ^ word, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b ^ word, 0x85ebca77);
    b ^= b >>> 13;
  }
  return (a >>> 0) * 2097152 + (b >>> 11);
}

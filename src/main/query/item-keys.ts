// A sort key per item of a column, 18 bytes whatever the values' size: the item's splitter bucket,
// its next 7 bytes past the bytes its gap shares, how many bytes follow, and a 64-bit hash of the
// rest. Items whose keys differ are in key order; items of one gap whose 7 bytes agree and that go
// on are told apart by their hashes (equal values) and, between distinct values, by reading them.
import type { Splitters } from './splitters';

/** Bytes of a value a key holds past its gap's shared prefix. */
const KEY_BYTES = 7;
/** The low byte of a key's second word: the bytes left, CUT meaning "more than KEY_BYTES". */
export const CUT = KEY_BYTES + 1;

/** One stable counting pass: `order` sorted by `digits[item]` (< `range`) into `next`. */
function countingPass(
  order: Uint32Array,
  next: Uint32Array,
  digits: Uint16Array | Uint32Array,
  range: number,
): void {
  const counts = new Uint32Array(range + 1);
  const n = order.length;
  for (let i = 0; i < n; i++) counts[digits[order[i]] + 1]++;
  for (let k = 1; k <= range; k++) counts[k] += counts[k - 1];
  for (let i = 0; i < n; i++) {
    const item = order[i];
    next[counts[digits[item]]++] = item;
  }
}

export class ItemKeys {
  /** 0: empty cell; 2j + 1: in gap j; 2j + 2: equal to splitter j. */
  readonly buckets: Uint16Array | Uint32Array;
  /** Gap items: [2i] bytes 0–3 past the shared prefix, [2i + 1] bytes 4–6 and the count left. */
  readonly keys: Uint32Array;
  /** For CUT keys: two hashes of the bytes past the key's; others 0. */
  readonly hashes: Uint32Array;
  /** Whether any item lies in a gap (else the buckets alone order the items). */
  anyGap = false;

  constructor(
    readonly count: number,
    private readonly splitters: Splitters,
  ) {
    this.buckets = this.bucketCount <= 0xffff ? new Uint16Array(count) : new Uint32Array(count);
    this.keys = new Uint32Array(count * 2);
    this.hashes = new Uint32Array(count * 2);
  }

  get bucketCount(): number {
    return 2 * this.splitters.values.length + 2;
  }

  put(item: number, bytes: Uint8Array | null, from: number, to: number): void {
    if (bytes === null || from === to) return;
    const place = this.splitters.place(bytes, from, to);
    this.buckets[item] = place + 1;
    if ((place & 1) === 1) return;
    this.anyGap = true;
    const at = from + this.splitters.shared[place >>> 1];
    const left = to - at;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < 4; i++) hi = (hi << 8) | (i < left ? bytes[at + i] : 0);
    for (let i = 4; i < KEY_BYTES; i++) lo = (lo << 8) | (i < left ? bytes[at + i] : 0);
    this.keys[2 * item] = hi >>> 0;
    this.keys[2 * item + 1] = ((lo << 8) | Math.min(left, CUT)) >>> 0;
    if (left <= KEY_BYTES) return;
    // FNV-1a and a multiply-rotate hash: two independent 32-bit views of the same bytes.
    let h0 = 0x811c9dc5;
    let h1 = left;
    for (let i = at + KEY_BYTES; i < to; i++) {
      const byte = bytes[i];
      h0 = Math.imul(h0 ^ byte, 0x01000193);
      h1 = Math.imul((h1 << 5) | (h1 >>> 27), 0x9e3779b1) ^ byte;
    }
    this.hashes[2 * item] = h0 >>> 0;
    this.hashes[2 * item + 1] = h1 >>> 0;
  }

  /** Whether a and b have equal keys that go on past them (a tie only reading can settle). */
  tied(a: number, b: number): boolean {
    const { buckets, keys } = this;
    return (
      (buckets[a] & 1) === 1 &&
      buckets[a] === buckets[b] &&
      keys[2 * a] === keys[2 * b] &&
      keys[2 * a + 1] === keys[2 * b + 1] &&
      (keys[2 * a + 1] & 0xff) === CUT
    );
  }

  /** Whether a and b have the same hashes (for tied items: equal values, unless a hash collides). */
  sameHashes(a: number, b: number): boolean {
    return this.hashes[2 * a] === this.hashes[2 * b] && this.hashes[2 * a + 1] === this.hashes[2 * b + 1];
  }

  /** Items in key order (bucket, then key), ties in item order: LSD radix passes of 16 bits. */
  order(): Uint32Array {
    const n = this.count;
    let order = new Uint32Array(n);
    let next = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (this.anyGap) {
      const digits = new Uint16Array(n);
      for (const [word, shift] of [
        [1, 0],
        [1, 16],
        [0, 0],
        [0, 16],
      ]) {
        for (let item = 0; item < n; item++) digits[item] = this.keys[2 * item + word] >>> shift;
        countingPass(order, next, digits, 0x10000);
        [order, next] = [next, order];
      }
    }
    countingPass(order, next, this.buckets, this.bucketCount);
    return next;
  }

  /**
   * Dense ranks (1 for the smallest value, 0 for an empty cell) of the items walked in `order`.
   */
  ranks(order: Uint32Array): Uint32Array {
    const { buckets, keys, hashes } = this;
    const ranks = new Uint32Array(this.count);
    let rank = 0;
    let bucket = -1;
    let hi = -1;
    let lo = -1;
    let h0 = -1;
    let h1 = -1;
    for (let i = 0; i < order.length; i++) {
      const item = order[i];
      const b = buckets[item];
      const k0 = keys[2 * item];
      const k1 = keys[2 * item + 1];
      const x = hashes[2 * item];
      const y = hashes[2 * item + 1];
      if (b !== bucket || k0 !== hi || k1 !== lo || x !== h0 || y !== h1) {
        if (b !== 0) rank++;
        bucket = b;
        hi = k0;
        lo = k1;
        h0 = x;
        h1 = y;
      }
      ranks[item] = b === 0 ? 0 : rank;
    }
    return ranks;
  }
}

// A sort key per item of a column, 18 bytes whatever the values' size: the item's splitter bucket,
// its next 7 bytes past the bytes its gap shares, how many bytes follow, and a 64-bit hash of the
// rest. Items whose keys differ are in key order; items of one gap whose 7 bytes agree and that go
// on are told apart by their hashes (equal values) and, between distinct values, by reading them.
import { CUT, putKey, type KeyTables } from './key-tables';
import type { Splitters } from './splitters';
import { mappedArray } from './mapped-arrays';

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

/** Bytes of working memory per item: keys 8, hashes 8, bucket 4, two orders 8, a radix digit 2. */
export const WORKING_BYTES_PER_ITEM = 30;

export class ItemKeys {
  readonly tables: KeyTables;
  private readonly orders: [Uint32Array, Uint32Array];
  private readonly digits: Uint16Array;

  /** `memory`: zeroed, at least WORKING_BYTES_PER_ITEM bytes per item (+ 8), shared with a worker. */
  constructor(
    readonly count: number,
    splitters: Splitters,
    memory: SharedArrayBuffer,
  ) {
    const n = count;
    this.tables = {
      values: splitters.values,
      shared: splitters.shared,
      withLower: splitters.withLower,
      withUpper: splitters.withUpper,
      keys: new Uint32Array(memory, 0, 2 * n),
      hashes: new Uint32Array(memory, 8 * n, 2 * n),
      buckets: new Uint32Array(memory, 16 * n, n),
      flags: new Uint8Array(memory, 20 * n, 1),
    };
    const at = 20 * n + 4;
    this.orders = [new Uint32Array(memory, at, n), new Uint32Array(memory, at + 4 * n, n)];
    this.digits = new Uint16Array(memory, at + 8 * n, n);
  }

  get bucketCount(): number {
    return 2 * this.tables.values.length + 2;
  }

  get buckets(): Uint16Array | Uint32Array {
    return this.tables.buckets;
  }

  get keys(): Uint32Array {
    return this.tables.keys;
  }

  get hashes(): Uint32Array {
    return this.tables.hashes;
  }

  /** Whether any item lies in a gap (else the buckets alone order the items). */
  get anyGap(): boolean {
    return this.tables.flags[0] === 1;
  }

  put(item: number, bytes: Uint8Array | null, from: number, to: number): void {
    putKey(this.tables, item, bytes, from, to);
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
    let [order, next] = this.orders;
    for (let i = 0; i < n; i++) order[i] = i;
    if (this.anyGap) {
      const digits = this.digits;
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
    const ranks = mappedArray(Uint32Array, this.count);
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

// A column whose values repeat (a classifier's label JSON, short chats, a few file names) is ranked
// through its distinct values: items with one key tuple (bucket, key, hashes) hold one value, the
// same rule ItemKeys.ranks follows. Ordering the few thousand distinct tuples and spreading their
// ranks over the items replaces five radix passes over every item.
import type { ColumnSource } from './column-source';
import type { ItemKeys } from './item-keys';
import { mappedArray } from './mapped-arrays';

/**
 * At most `max` distinct values, and at most one per 8 items (past that the radix passes are the
 * quicker way); from `minItems` items (below, they cost nothing worth saving). Tests lower both, and
 * read how the last ranking went.
 */
export const DISTINCT = { max: 1 << 16, minItems: 1 << 14, last: 'none' as 'none' | 'distinct' | 'radix' };

const EMPTY = 0xffffffff;

/** Each distinct key tuple, by id: its five words, and the first item that holds it. */
class Tuples {
  readonly words: Uint32Array;
  readonly firstItem: Uint32Array;
  count = 0;
  private readonly slots: Uint32Array;
  private readonly mask: number;

  constructor(readonly max: number) {
    this.words = new Uint32Array(5 * max);
    this.firstItem = new Uint32Array(max);
    // A power of two at least four times `max`: probes stay short, and `& mask` wraps.
    this.slots = new Uint32Array(2 ** Math.ceil(Math.log2(4 * max)));
    this.mask = this.slots.length - 1;
  }

  /** The id of the item's tuple (a new one if unseen), or -1 once there would be more than `max`. */
  idOf(keys: ItemKeys, item: number): number {
    const b = keys.buckets[item];
    const k0 = keys.keys[2 * item];
    const k1 = keys.keys[2 * item + 1];
    const h0 = keys.hashes[2 * item];
    const h1 = keys.hashes[2 * item + 1];
    let h = Math.imul(b ^ Math.imul(k0, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(k1 ^ h0, 0xc2b2ae35) ^ h1;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h ^= h >>> 15;
    const { words, slots, mask } = this;
    let at = h & mask;
    for (; slots[at] !== 0; at = (at + 1) & mask) {
      const id = slots[at] - 1;
      const w = 5 * id;
      if (
        words[w] === b &&
        words[w + 1] === k0 &&
        words[w + 2] === k1 &&
        words[w + 3] === h0 &&
        words[w + 4] === h1
      )
        return id;
    }
    if (this.count === this.max) return -1;
    const id = this.count++;
    const w = 5 * id;
    words[w] = b;
    words[w + 1] = k0;
    words[w + 2] = k1;
    words[w + 3] = h0;
    words[w + 4] = h1;
    this.firstItem[id] = item;
    slots[at] = id + 1;
    return id;
  }

  /** Tuples `a` and `b` compared by bucket, then key (not hashes: equal keys are a tie to read). */
  compareKeys(a: number, b: number): number {
    const { words } = this;
    return (
      words[5 * a] - words[5 * b] ||
      words[5 * a + 1] - words[5 * b + 1] ||
      words[5 * a + 2] - words[5 * b + 2]
    );
  }
}

/** The tuple ids in key order (bucket, then key); ties between distinct values are still to settle. */
function keyOrder(tuples: Tuples): number[] {
  const ids = Array.from({ length: tuples.count }, (_, id) => id);
  return ids.sort((a, b) => tuples.compareKeys(a, b));
}

/** Orders each run of ids whose keys agree (distinct values sharing a 7-byte key) by reading one value each. */
async function settleTies(ids: number[], tuples: Tuples, source: ColumnSource): Promise<void> {
  const runs: [number, number][] = [];
  for (let start = 0; start < ids.length;) {
    let end = start + 1;
    while (end < ids.length && tuples.compareKeys(ids[start], ids[end]) === 0) end++;
    if (end - start > 1) runs.push([start, end]);
    start = end;
  }
  if (runs.length === 0) return;
  const items = runs.flatMap(([start, end]) => ids.slice(start, end).map((id) => tuples.firstItem[id]));
  items.sort((a, b) => a - b);
  const read = await source.valuesOf(items);
  const valueOf = new Map(items.map((item, i) => [item, read[i] ?? new Uint8Array(0)]));
  const value = (id: number): Uint8Array => valueOf.get(tuples.firstItem[id]) as Uint8Array;
  for (const [start, end] of runs) {
    const run = ids.slice(start, end).sort((a, b) => Buffer.compare(value(a), value(b)));
    run.forEach((id, i) => {
      ids[start + i] = id;
    });
  }
}

/**
 * Dense ranks per item (1 for the smallest value, 0 for an empty cell), as ItemKeys.ranks gives
 * them, when the items hold few distinct values (DISTINCT); else null (nothing is lost but
 * the pass that found out).
 */
export async function distinctRanks(keys: ItemKeys, source: ColumnSource): Promise<Uint32Array | null> {
  const n = keys.count;
  DISTINCT.last = 'radix';
  if (n < DISTINCT.minItems) return null;
  const tuples = new Tuples(Math.max(1, Math.min(DISTINCT.max, Math.ceil(n / 8))));
  const ranks = mappedArray(Uint32Array, n);
  for (let item = 0; item < n; item++) {
    if (keys.buckets[item] === 0) {
      ranks[item] = EMPTY;
      continue;
    }
    const id = tuples.idOf(keys, item);
    if (id < 0) return null;
    ranks[item] = id;
  }
  const ids = keyOrder(tuples);
  await settleTies(ids, tuples, source);
  const rankOf = new Uint32Array(tuples.count);
  ids.forEach((id, position) => {
    rankOf[id] = position + 1;
  });
  for (let item = 0; item < n; item++) ranks[item] = ranks[item] === EMPTY ? 0 : rankOf[ranks[item]];
  DISTINCT.last = 'distinct';
  return ranks;
}

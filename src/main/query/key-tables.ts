// Placing a value among the splitters and writing its sort key (see splitters.ts, item-keys.ts).
// These functions use nothing but their arguments: key-workers.ts runs their source text in a
// worker, over arrays both threads share.

/** What placing and keying read and write; every array may live in shared memory. */
export interface KeyTables {
  /** The splitters, sorted, distinct. */
  values: Uint8Array[];
  /** Bytes every value of gap j shares (gap j lies between splitters j - 1 and j). */
  shared: Uint32Array;
  /** Per splitter as the binary search's midpoint: bytes shared with its lower / upper bound. */
  withLower: Uint32Array;
  withUpper: Uint32Array;
  /** Per item: 0 empty; 2j + 1 in gap j; 2j + 2 equal to splitter j. */
  buckets: Uint16Array | Uint32Array;
  /** Per item, two words: bytes 0–3 past the gap's shared prefix; bytes 4–6 and the count left. */
  keys: Uint32Array;
  /** Per item, two hashes of the bytes past the key's (values longer than their key only). */
  hashes: Uint32Array;
  /** [0] is set once any item lies in a gap. */
  flags: Uint8Array;
}

/** Bytes of a value a key holds past its gap's shared prefix; the count left says "more" with 8. */
export const KEY_BYTES = 7;
export const CUT = KEY_BYTES + 1;

/**
 * Where `bytes[from, to)` falls: `2j + 1` when it equals splitter j, `2j` when it lies in gap j. A
 * binary search that never compares a byte twice past what the value shares with its bounds
 * (Manber and Myers).
 */
export function placeValue(
  t: Pick<KeyTables, 'values' | 'withLower' | 'withUpper'>,
  bytes: Uint8Array,
  from: number,
  to: number,
): number {
  const values = t.values;
  const length = to - from;
  let lo = -1;
  let hi = values.length;
  // Bytes the value shares with the lower and the upper bound.
  let low = 0;
  let high = 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    let start: number;
    if (low >= high) {
      const known = t.withLower[mid];
      if (known > low) {
        lo = mid; // mid goes on like the lower bound past where the value rose above it
        continue;
      }
      if (known < low) {
        hi = mid; // mid rose above the lower bound where the value still follows it
        high = known;
        continue;
      }
      start = low;
    } else {
      const known = t.withUpper[mid];
      if (known > high) {
        hi = mid;
        continue;
      }
      if (known < high) {
        lo = mid;
        low = known;
        continue;
      }
      start = high;
    }
    const splitter = values[mid];
    const end = Math.min(length, splitter.length);
    let i = start;
    while (i < end && bytes[from + i] === splitter[i]) i++;
    if (i === end && length === splitter.length) return 2 * mid + 1;
    if (i < end ? bytes[from + i] < splitter[i] : length < splitter.length) {
      hi = mid;
      high = i;
    } else {
      lo = mid;
      low = i;
    }
  }
  return 2 * hi;
}

/**
 * The keys of values this thread has keyed before, by a 64-bit hash of the whole value: a column's
 * repeated values (labels, short chats, JSON outputs of a few classes) are placed among the
 * splitters once. It stops looking once a column turns out to repeat too little to pay for hashing.
 */
export interface KeyMemo {
  /** 8 words a slot: value hash (2), length + 1 (0: a free slot), bucket, key (2), hashes (2). */
  slots: Uint32Array;
  /** How many more values it may keep (it stays well under full, so probes stay short). */
  room: number;
  missed: number;
  found: number;
  on: boolean;
}

/** A memo of 2^16 slots (2 MB), keeping up to 45,000 values. */
export function newKeyMemo(): KeyMemo {
  return { slots: new Uint32Array(8 << 16), room: 45_000, missed: 0, found: 0, on: true };
}

/** Writes item's bucket, key and hashes for the value `bytes[from, to)` (null: an empty cell). */
export function putKey(
  t: KeyTables,
  item: number,
  bytes: Uint8Array | null,
  from: number,
  to: number,
  memo: KeyMemo | null = null,
): void {
  if (bytes === null || from === to) return;
  let slot = -1;
  let v0 = 0;
  let v1 = 0;
  const length = to - from;
  if (memo !== null && memo.on) {
    // Two 32-bit hashes of the whole value, four bytes a step (Murmur3's mixing, and a second
    // multiply-xorshift one), each finished with Murmur3's avalanche.
    v0 = 0x9747b28c ^ length;
    v1 = Math.imul(length, 0x85ebca77) ^ 0x2f1a3b5d;
    let i = from;
    for (; i + 4 <= to; i += 4) {
      const w = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
      let k = Math.imul(w, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      v0 ^= k;
      v0 = (Math.imul((v0 << 13) | (v0 >>> 19), 5) + 0xe6546b64) | 0;
      v1 = Math.imul(v1 ^ w, 0x9e3779b1);
      v1 ^= v1 >>> 15;
    }
    for (; i < to; i++) {
      v0 = Math.imul(v0 ^ bytes[i], 0x01000193);
      v1 = Math.imul(v1 ^ bytes[i], 0x85ebca77);
    }
    v0 = Math.imul(v0 ^ (v0 >>> 16), 0x85ebca6b);
    v0 = Math.imul(v0 ^ (v0 >>> 13), 0xc2b2ae35);
    v0 = (v0 ^ (v0 >>> 16)) >>> 0;
    v1 = Math.imul(v1 ^ (v1 >>> 16), 0x7feb352d);
    v1 = Math.imul(v1 ^ (v1 >>> 15), 0x846ca68b);
    v1 = (v1 ^ (v1 >>> 16)) >>> 0;
    const s = memo.slots;
    const mask = (s.length >>> 3) - 1;
    let at = v0 & mask;
    while (s[8 * at + 2] !== 0) {
      const e = 8 * at;
      if (s[e] === v0 && s[e + 1] === v1 && s[e + 2] === length + 1) {
        memo.found++;
        t.buckets[item] = s[e + 3];
        if ((s[e + 3] & 1) === 1) {
          t.flags[0] = 1;
          t.keys[2 * item] = s[e + 4];
          t.keys[2 * item + 1] = s[e + 5];
          t.hashes[2 * item] = s[e + 6];
          t.hashes[2 * item + 1] = s[e + 7];
        }
        return;
      }
      at = (at + 1) & mask;
    }
    if (memo.room > 0) slot = at;
    // A column whose values hardly repeat (free text, paths), or stop repeating, is keyed without
    // the memo: looked at every 32,768 misses, when they outnumber the values found four to one.
    if ((++memo.missed & 0x7fff) === 0 && memo.found < memo.missed / 4) memo.on = false;
  }
  const place = placeValue(t, bytes, from, to);
  t.buckets[item] = place + 1;
  if ((place & 1) === 0) {
    t.flags[0] = 1;
    const at = from + t.shared[place >>> 1];
    const left = to - at;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < 4; i++) hi = (hi << 8) | (i < left ? bytes[at + i] : 0);
    for (let i = 4; i < 7; i++) lo = (lo << 8) | (i < left ? bytes[at + i] : 0);
    t.keys[2 * item] = hi >>> 0;
    // 8: more bytes than the key's 7 follow.
    t.keys[2 * item + 1] = ((lo << 8) | Math.min(left, 8)) >>> 0;
    if (left > 7) {
      // FNV-1a and a multiply-rotate hash: two independent 32-bit views of the same bytes.
      let h0 = 0x811c9dc5;
      let h1 = left;
      for (let i = at + 7; i < to; i++) {
        const byte = bytes[i];
        h0 = Math.imul(h0 ^ byte, 0x01000193);
        h1 = Math.imul((h1 << 5) | (h1 >>> 27), 0x9e3779b1) ^ byte;
      }
      t.hashes[2 * item] = h0 >>> 0;
      t.hashes[2 * item + 1] = h1 >>> 0;
    }
  }
  if (slot < 0 || memo === null) return;
  memo.room--;
  const e = 8 * slot;
  const s = memo.slots;
  s[e] = v0;
  s[e + 1] = v1;
  s[e + 2] = length + 1;
  s[e + 3] = place + 1;
  s[e + 4] = t.keys[2 * item];
  s[e + 5] = t.keys[2 * item + 1];
  s[e + 6] = t.hashes[2 * item];
  s[e + 7] = t.hashes[2 * item + 1];
}

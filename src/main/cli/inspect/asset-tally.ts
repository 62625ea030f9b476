// Counts a log's (or a folder's) distinct files by status: a resolved asset by where it resolved,
// others by the reference as written (its refHash, so that references the scan settled without
// their text count alike). A million missing references are kept as numbers and counted once
// sorted, not inserted into a map. The distinct sets are what census-file.ts keeps between runs.
import type { AssetRef, AssetStatus } from '../../../shared/model';
import { refHash } from '../../scan/ref-hash';
import { mergeDistinct } from '../../scan/merge-distinct';

export type AssetCounts = Record<AssetStatus, number>;

/** A tally's distinct references: resolved paths; refHashes of outside and of missing ones. */
export interface AssetSets {
  resolved: string[];
  outside: Float64Array;
  /** Sorted, distinct (a hash may also be outside: it then counts as outside only). */
  missing: Float64Array;
}

export class AssetTally {
  private files = new Set<string>();
  private outside = new Set<number>();
  private missing: ArrayLike<number>[] = [];
  /** The list distinctMissing() last returned: counted again without looking through it. */
  private distinct: Float64Array | null = null;

  static of(sets: AssetSets): AssetTally {
    const tally = new AssetTally();
    tally.files = new Set(sets.resolved);
    tally.outside = new Set(sets.outside);
    tally.missing.push(sets.missing);
    return tally;
  }

  absorb(other: AssetTally): void {
    for (const file of other.files) this.files.add(file);
    for (const ref of other.outside) this.outside.add(ref);
    this.missing.push(...other.missing);
    // A folder of one log takes its distinct list as it is (a million hashes, 7 ms to check again).
    if (this.missing.length === 1 && other.distinct === this.missing[0]) this.distinct = other.distinct;
  }

  add(asset: AssetRef): void {
    if (asset.status === 'resolved') return this.addFile(asset.path ?? asset.ref);
    const bytes = Buffer.from(asset.ref);
    const key = refHash(bytes, 0, bytes.length);
    if (asset.status === 'outside') this.outside.add(key);
    else this.missing.push([key]);
  }

  /** A file found in the folder, by its path below it. */
  addFile(path: string): void {
    this.files.add(path);
  }

  /** refHashes of references the scan settled as missing (repeats allowed). */
  addMissing(hashes: ArrayLike<number>): void {
    this.missing.push(hashes);
  }

  sets(): AssetSets {
    const missing = this.distinctMissing();
    this.missing = [missing];
    return { resolved: [...this.files], outside: Float64Array.from(this.outside), missing };
  }

  counts(): AssetCounts {
    const keys = this.distinctMissing();
    this.missing = [keys];
    let missing = keys.length;
    if (this.outside.size > 0) for (const key of keys) if (this.outside.has(key)) missing -= 1;
    return { resolved: this.files.size, missing, outside: this.outside.size };
  }

  private distinctMissing(): Float64Array {
    const [only] = this.missing;
    if (this.missing.length === 1 && only === this.distinct) return this.distinct;
    this.distinct = this.distinctOfLists();
    return this.distinct;
  }

  private distinctOfLists(): Float64Array {
    const [only] = this.missing;
    if (this.missing.length === 1 && only instanceof Float64Array && isDistinct(only)) return only;
    const merged = mergedInWebAssembly(this.missing);
    if (merged) return merged;
    // The scan's lists come sorted (each worker sorts its own, in parallel): they are merged here,
    // not sorted again; the rest (the reader's few references) is gathered and sorted.
    const sorted = this.missing.filter((list) => list instanceof Float64Array && isSorted(list));
    const rest = this.missing.filter((list) => !sorted.includes(list));
    const gathered = new Float64Array(rest.reduce((total, list) => total + list.length, 0));
    let at = 0;
    for (const list of rest) {
      gathered.set(list, at);
      at += list.length;
    }
    let lists = [...(sorted as Float64Array[]), gathered.sort()].filter((list) => list.length > 0);
    if (lists.length === 1) return withoutRepeats(lists[0]);
    // Each merge keeps a value once (merge_distinct in WebAssembly, else the same in JS).
    while (lists.length > 1) {
      const pairs: Float64Array[] = [];
      for (let i = 0; i < lists.length; i += 2) {
        const [a, b] = [lists[i], lists[i + 1]];
        pairs.push(b ? (mergeDistinct(a, b) ?? mergeWithoutRepeats(a, b)) : a);
      }
      lists = pairs;
    }
    return lists[0] ?? new Float64Array(0);
  }
}

/**
 * Lists of numbers (the scan's: its two threads' on a large log) merged pairwise by merge_distinct,
 * which checks that each is sorted as it goes: null when one is not, or is not a Float64Array, or
 * WebAssembly declines (then they are looked through in JS).
 */
function mergedInWebAssembly(lists: ArrayLike<number>[]): Float64Array | null {
  if (lists.length < 2 || !lists.every((list) => list instanceof Float64Array)) return null;
  const [first, ...others] = lists;
  return others.reduce<Float64Array | null>((merged, list) => merged && mergeDistinct(merged, list), first);
}

/** A sorted list's values once each, in place. */
function withoutRepeats(keys: Float64Array): Float64Array {
  let kept = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[kept++] = keys[i];
  return keys.subarray(0, kept);
}

function isDistinct(sorted: Float64Array): boolean {
  for (let i = 1; i < sorted.length; i++) if (!(sorted[i] > sorted[i - 1])) return false;
  return true;
}

function isSorted(list: Float64Array): boolean {
  for (let i = 1; i < list.length; i++) if (!(list[i] >= list[i - 1])) return false;
  return true;
}

/**
 * Two sorted lists as one sorted list, each value once (a copy: the inputs may be a worker's or the
 * census file's).
 */
function mergeWithoutRepeats(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let k = 0;
  const keep = (value: number): void => {
    if (k === 0 || out[k - 1] !== value) out[k++] = value;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) keep(a[i] <= b[j] ? a[i++] : b[j++]);
  while (i < a.length) keep(a[i++]);
  while (j < b.length) keep(b[j++]);
  return out.subarray(0, k);
}

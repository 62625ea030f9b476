// Sort keys for a plain column over several logs: each row's rank among the column's values (equal
// values share one), in code-point order (UTF-8 bytes, as Python's sorted()). One pass over the
// column's bytes gives every row a fixed-size key (item-keys.ts); radix passes order the keys; only
// distinct values that their keys cannot tell apart are read again, one read per distinct value.
// The working set is about 26 bytes a row whatever the values' size; nothing is held as a string.
import { rowColumns } from './worker-rows';
import type { LogIndex } from '../log-index/log-index';
import { ColumnSource } from './column-source';
import { ItemKeys, WORKING_BYTES_PER_ITEM } from './item-keys';
import { acquireWorking } from './working-memory';
import { keyRowsHere, PARALLEL_MIN_ROWS, startKeyRowsInWorker, type KeyJob } from './key-workers';
import { visitLeftRows } from './column-bytes';
import { fromEndFields } from './read-direction';
import { sampleSplitters } from './splitters';
import { distinctRanks } from './distinct-ranks';

export interface RankOptions {
  /** Values sampled as splitters (tests use few, to make every path run). */
  sampleItems?: number;
  /**
   * Rank only the items marked 1 (a filter's matches); the others rank 0 like empty cells. Their
   * cells are neither read nor keyed: a search matching half the rows is ranked in about half the time.
   */
  member?: Uint8Array | null;
}

/** Bytes per row that a ranking holds while it runs: its working memory and the ranks it makes. */
export const RANKS_WORKING_BYTES = WORKING_BYTES_PER_ITEM + 4;

/** Distinct values read per batch when settling ties (bounds the memory they take). */
const READ_BATCH = 4096;

/** A run of tied items: its place in the order and its items grouped by hash (one group a value). */
interface Tie {
  start: number;
  groups: number[][];
}

/** A tie's items as first hash * 2^21 + place in the tie: a native sort of doubles groups them. */
const PLACE_BITS = 2 ** 21;

function tieOf(keys: ItemKeys, order: Uint32Array, start: number, end: number): Tie {
  const { hashes } = keys;
  const n = end - start;
  // The tie's items are in item order (the radix passes are stable): sorting by first hash, then
  // place, keeps each value's items in item order. Two values whose first hashes agree may end up
  // interleaved, as more than one group each: reading and a stable sort of groups still put them
  // right.
  let items: ArrayLike<number>;
  if (n < PLACE_BITS) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = hashes[2 * order[start + i]] * PLACE_BITS + i;
    packed.sort();
    const sorted = new Uint32Array(n);
    for (let i = 0; i < n; i++) sorted[i] = order[start + (packed[i] % PLACE_BITS)];
    items = sorted;
  } else {
    const all = Array.from(order.subarray(start, end));
    all.sort((a, b) => hashes[2 * a] - hashes[2 * b] || hashes[2 * a + 1] - hashes[2 * b + 1] || a - b);
    items = all;
  }
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i];
    const group = groups[groups.length - 1];
    if (group && keys.sameHashes(group[0], item)) group.push(item);
    else groups.push([item]);
  }
  return { start, groups };
}

/** Orders each tie's groups by reading one value of each, and writes them back into `order`. */
async function settle(ties: Tie[], source: ColumnSource, order: Uint32Array): Promise<void> {
  const firsts = ties.flatMap((tie) => (tie.groups.length > 1 ? tie.groups.map((g) => g[0]) : []));
  firsts.sort((a, b) => a - b);
  const read = await source.valuesOf(firsts);
  const valueOf = new Map(firsts.map((item, i) => [item, read[i] ?? new Uint8Array(0)]));
  const value = (group: number[]): Uint8Array => valueOf.get(group[0]) as Uint8Array;
  for (const { start, groups } of ties) {
    if (groups.length > 1) groups.sort((a, b) => Buffer.compare(value(a), value(b)));
    let at = start;
    for (const group of groups) for (const item of group) order[at++] = item;
  }
}

/**
 * Keys every item: a large log's later half in a worker thread meanwhile (the rows it leaves, and
 * all of them if it fails, are keyed here).
 */
async function putAllKeys(source: ColumnSource, keys: ItemKeys, member: Uint8Array | null): Promise<void> {
  const put = (item: number, bytes: Uint8Array | null, from: number, to: number): void => {
    if (member === null || member[item] === 1) keys.put(item, bytes, from, to);
  };
  for (let slot = 0; slot < source.logs.length; slot++) {
    const log = source.logs[slot];
    const column = source.splitColumnIn(slot, PARALLEL_KEYS.minRows);
    if (column === undefined) {
      await source.forEachIn(slot, 0, log.count, put);
      continue;
    }
    const mid = Math.floor(log.count / 2);
    const quote = log.shape.dialect.quote.charCodeAt(0);
    const base = source.bases[slot];
    const transfer: ArrayBuffer[] = [];
    const rowsFrom = (from: number, to: number, own: boolean): KeyJob => {
      const marks = member?.subarray(base + from, base + to) ?? null;
      return {
        path: log.path,
        quote,
        column,
        fields: fromEndFields(log, column),
        keepDoubled: false,
        base: base + from,
        tables: keys.tables,
        ...rowColumns(log, from, to, marks, own ? transfer : null),
      };
    };
    // The rows a walk left, read by the exact scanner.
    const putLeft = (from: number, rows: number[]): void =>
      visitLeftRows(log, column, from, rows, (row, value, length) => put(base + row, value, 0, length));
    const started = await startKeyRowsInWorker(rowsFrom(mid, log.count, true), transfer).catch(() => null);
    const finished = started?.done.catch(() => null);
    putLeft(0, keyRowsHere(rowsFrom(0, mid, false)));
    const left = (await finished) ?? null;
    PARALLEL_KEYS.last = left === null ? 'worker failed' : 'two threads';
    if (left === null) await source.forEachIn(slot, mid, log.count, put);
    else putLeft(mid, left);
  }
}

/** From how many rows a log is keyed on two threads, and how the last such log went (tests). */
export const PARALLEL_KEYS = {
  minRows: PARALLEL_MIN_ROWS,
  last: 'none' as 'none' | 'two threads' | 'worker failed',
};

/**
 * rank per row of `logs` taken in order (log 0's rows, then log 1's…), 0 for an empty cell or a log
 * without the column. Ranks compare across the logs and are dense (1, 2, 3… one per distinct value).
 */
export async function columnRanks(
  logs: readonly LogIndex[],
  name: string,
  options: RankOptions = {},
): Promise<Uint32Array> {
  const source = new ColumnSource(logs, name);
  const splitters = await sampleSplitters(source, options.sampleItems);
  const working = acquireWorking(WORKING_BYTES_PER_ITEM * source.total + 8, { collect: true });
  try {
    const keys = new ItemKeys(source.total, splitters, working.buffer);
    await putAllKeys(source, keys, options.member ?? null);
    const few = await distinctRanks(keys, source);
    if (few !== null) return few;
    const order = keys.order();
    let ties: Tie[] = [];
    let pending = 0;
    for (let start = 0; start < order.length;) {
      let end = start + 1;
      while (end < order.length && keys.tied(order[start], order[end])) end++;
      if (end - start > 1) {
        const tie = tieOf(keys, order, start, end);
        ties.push(tie);
        if (tie.groups.length > 1) pending += tie.groups.length;
        if (pending >= READ_BATCH) {
          await settle(ties, source, order);
          ties = [];
          pending = 0;
        }
      }
      start = end;
    }
    await settle(ties, source, order);
    return keys.ranks(order);
  } finally {
    working.release();
  }
}

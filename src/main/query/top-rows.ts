// The first k rows of a selection under a column sort, without ranking the whole column: one pass
// over the column's bytes (a large log's later half in a worker meanwhile) through a bounded heap;
// or, for a selection of a few rows (a search's hits), their values read row by row. For scripts
// that print one page (`flagdeck query --limit 10`) and for small selections; the UI's paging
// through a large selection walks the column's kept full order instead (sort-order.ts).
import { rowColumns } from './worker-rows';
import type { LogIndex } from '../log-index/log-index';
import { visitLeftRows } from './column-bytes';
import { fromEndFields } from './read-direction';
import { ColumnSource } from './column-source';
import { PARALLEL_MIN_ROWS } from './key-workers';
import { newTopHeap, offerTop, topItems, type TopHeap } from './top-heap';
import { offerRowsHere, startTopInWorker, type TopFound, type TopJob } from './top-rows-worker';

/** Up to this many first rows are kept in a heap; more are taken from the full order. */
export const TOP_MAX = 10_000;

/** The paths' thresholds (tests lower them to make every path run), and how the last split went. */
export const TOP_PATHS = {
  /** A selection of at most this many rows is sorted from its own rows' values, read one by one. */
  directMax: 20_000,
  /** From how many rows a log is gone through on two threads. */
  splitMinRows: PARALLEL_MIN_ROWS,
  last: 'none' as 'none' | 'two threads' | 'worker failed',
};

/**
 * A heap's values are compared byte by byte, so they may be kept as a CSV writer quotes them, each
 * `"` doubled: that orders as the text does (the first byte where two values differ is the same
 * byte of both texts, or a `"` in one), and the walker then hands quoted cells over as they are
 * written instead of undoing their `""` (plain-field.ts). `written` says the heap holds them so,
 * and a value that comes as text (read by the exact scanner, or cell by cell) is written so too.
 */
interface Offering {
  heap: TopHeap;
  written: boolean;
}

/** `bytes[from, to)` with every `"` doubled, as a range (the same one when it holds none). */
function writtenQuoted(
  bytes: Uint8Array,
  from: number,
  to: number,
): { bytes: Uint8Array; from: number; to: number } {
  let quotes = 0;
  for (let i = from; i < to; i++) if (bytes[i] === 34) quotes++;
  if (quotes === 0) return { bytes, from, to };
  const out = new Uint8Array(to - from + quotes);
  let n = 0;
  for (let i = from; i < to; i++) {
    out[n++] = bytes[i];
    if (bytes[i] === 34) out[n++] = 34;
  }
  return { bytes: out, from: 0, to: n };
}

/** Offers the text `bytes[from, to)` of `item` (null: an empty cell). */
function offerText(
  offering: Offering,
  item: number,
  bytes: Uint8Array | null,
  from: number,
  to: number,
): void {
  if (!offering.written || bytes === null) offerTop(offering.heap, item, bytes, from, to);
  else {
    const value = writtenQuoted(bytes, from, to);
    offerTop(offering.heap, item, value.bytes, value.from, value.to);
  }
}

/** Offers the values of `items` (ascending) to the heap, read per row. */
async function offerItems(source: ColumnSource, items: number[], offering: Offering): Promise<void> {
  const values = await source.valuesOf(items);
  items.forEach((item, i) => {
    const value = values[i];
    offerText(offering, item, value, 0, value?.length ?? 0);
  });
}

/** Offers every row of the log in `slot` that `member` keeps (null: every row). */
async function offerLog(
  source: ColumnSource,
  slot: number,
  member: Uint8Array | null,
  offering: Offering,
): Promise<void> {
  const { heap } = offering;
  const log = source.logs[slot];
  const base = source.bases[slot];
  const offer = (item: number, bytes: Uint8Array | null, from: number, to: number): void => {
    if (member === null || member[item] === 1) offerText(offering, item, bytes, from, to);
  };
  const column = source.splitColumnIn(slot, TOP_PATHS.splitMinRows);
  if (column === undefined) {
    await source.forEachIn(slot, 0, log.count, offer);
    return;
  }
  const mid = Math.floor(log.count / 2);
  const transfer: ArrayBuffer[] = [];
  const rowsFrom = (from: number, to: number, own: boolean): TopJob => ({
    path: log.path,
    quote: log.shape.dialect.quote.charCodeAt(0),
    column,
    fields: fromEndFields(log, column),
    keepDoubled: offering.written,
    base: base + from,
    ...rowColumns(log, from, to, member?.subarray(base + from, base + to) ?? null, own ? transfer : null),
    k: heap.k,
    desc: heap.desc,
  });
  // The rows a walk left, read by the exact scanner.
  const offerLeft = (from: number, rows: number[]): void =>
    visitLeftRows(log, column, from, rows, (row, value, length) =>
      offerText(offering, base + row, value, 0, length),
    );
  const started = await startTopInWorker(rowsFrom(mid, log.count, true), transfer).catch(() => null);
  const finished = started?.done.catch((): TopFound | null => null);
  offerLeft(0, offerRowsHere(rowsFrom(0, mid, false), heap));
  const found = (await finished) ?? null;
  TOP_PATHS.last = found === null ? 'worker failed' : 'two threads';
  if (found === null) {
    await source.forEachIn(slot, mid, log.count, offer);
    return;
  }
  found.heap.items.forEach((item, i) => {
    const value = found.heap.values[i];
    offerTop(heap, item, value, 0, value?.length ?? 0);
  });
  offerLeft(mid, found.left);
}

/**
 * The first `k` items (global row numbers over `logs`) of those `member` marks (null: every row),
 * sorted on column `by` as the full sort orders them.
 */
export async function firstItems(
  logs: readonly LogIndex[],
  by: string,
  member: Uint8Array | null,
  count: number,
  k: number,
  desc: boolean,
): Promise<number[]> {
  const source = new ColumnSource(logs, by);
  const heap = newTopHeap(Math.min(k, count), desc);
  // Cells as written, where every log quotes with `"` (another quote doubles another byte).
  const offering = { heap, written: logs.every((log) => log.shape.dialect.quote === '"') };
  if (member !== null && count <= TOP_PATHS.directMax) {
    const items: number[] = [];
    for (let item = 0; item < member.length; item++) if (member[item] === 1) items.push(item);
    await offerItems(source, items, offering);
  } else {
    for (let slot = 0; slot < logs.length; slot++) await offerLog(source, slot, member, offering);
  }
  return topItems(heap);
}

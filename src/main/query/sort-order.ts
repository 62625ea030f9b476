// The sort half of the query engine: the order of every row under one sort, kept in the engine's
// budgeted cache per data version, and the matching rows walked out of it.
import type { SampleSort } from '../../shared/api';
import type { SharedInterners } from '../log-index/apply-scan';
import type { ByteBudgetCache } from './byte-budget-cache';
import { columnRanks, RANKS_WORKING_BYTES } from './column-ranks';
import type { QueryLog } from './query-log';
import { dataVersion, ranksVersion, type Cached, type KeptOrder, type KeptRanks } from './query-cache';
import { newRefs, SLOT, type RowRefs } from './row-refs';
import { orderOfKeys, orderOfRanks, RADIX_SCRATCH_BYTES } from './sort-refs';
import { timeOrderIfSorted } from './time-order';
import { firstOfKeys } from './first-of-keys';
import { acquireWorking } from './working-memory';
import { firstItems, TOP_MAX, TOP_PATHS } from './top-rows';

/** What sorting reads and keeps: the engine's cache and the workspace's interners. */
export interface Sorting {
  cache: ByteBudgetCache<Cached>;
  interners: SharedInterners;
  /** Per column, the logs' version (ranksVersion) when a filter's matches alone were last ranked. */
  matchRanked: Map<string, string>;
  /** Per column, how many first pages alone were ordered since its logs last changed (version). */
  firstPaged: Map<string, { version: string; passes: number }>;
}

/** Which rows of a selection its caller needs. */
export interface RowsWanted {
  /** No page past the first `upTo` rows will be asked for (a script printing one page). */
  upTo?: number;
  /** The page asked for now ends here; later ones may follow (the UI's paging). */
  pageEnd?: number;
}

/** Sorts on the sample's own fields (cheap keys from the index); any other sort is on a column. */
const FIELD_SORTS = ['timestamp', 'status', 'reason', 'originalReason', 'username'];

/** Up to this share of the rows matching, a column sort ranks the matches alone (see sortedRows); how often it did (tests). */
export const MATCH_RANKS = { maxShare: 0.6, runs: 0 };

/**
 * The rows a column's first sorts order when the UI asks for a page among them (ten pages of 100),
 * for how many sorts of a column (firstPageOnly), and how often it did (tests).
 */
export const FIRST_PAGES = { rows: 1000, passes: 2, runs: 0 };

/**
 * The rows marked in `member` (by global row number), in `sort` order: all of them, or only the
 * first rows `wanted` asks for. The order of all rows is kept per sort and data version (4 bytes a
 * row), so paging through a sorted view walks it instead of sorting again. Without a kept order or
 * ranks, a column sort of a few matching rows, of only a script's first few rows (`upTo`), or a
 * column's first sorts while the UI asks for one of their first pages (`pageEnd`, firstPageOnly),
 * is made from those rows' values instead (top-rows.ts).
 */
export async function sortedRows(
  sorting: Sorting,
  logs: QueryLog[],
  member: Uint8Array,
  count: number,
  total: number,
  sort: SampleSort,
  wanted: RowsWanted = {},
): Promise<RowRefs> {
  const version = `${sort.by}\0${sort.dir}\0${dataVersion(logs)}`;
  const cacheKey = `order\0${sort.by}\0${sort.dir}`;
  let order = sorting.cache.get(cacheKey) as KeptOrder | undefined;
  if (order?.version !== version) {
    const { upTo } = wanted;
    const few = count <= TOP_PATHS.directMax && count < total;
    const first = upTo !== undefined && upTo <= TOP_MAX;
    const column = !FIELD_SORTS.includes(sort.by) && !ranksKept(sorting, logs, sort.by);
    const page = column && !few && !first && firstPageOnly(sorting, logs, sort.by, wanted.pageEnd);
    if (column && (few || first || page)) {
      const k = first ? Math.min(upTo as number, count) : page ? Math.min(FIRST_PAGES.rows, count) : count;
      const items = await firstItems(
        logs.map((q) => q.log),
        sort.by,
        count === total ? null : member,
        count,
        k,
        sort.dir === 'desc',
      );
      return refsOf(logs, items);
    }
    // The first filtered sort on a column not ranked yet, its filter keeping at most
    // MATCH_RANKS.maxShare of the rows (a search): only its matches are read and ranked, and that order
    // serves this filter alone. A second filter sorted on the same column ranks every row, and keeps
    // the ranks: a reviewer switching filters pays for one full ranking, not one per filter.
    if (
      !FIELD_SORTS.includes(sort.by) &&
      count <= total * MATCH_RANKS.maxShare &&
      !ranksKept(sorting, logs, sort.by)
    ) {
      const version = ranksVersion(logs);
      if (sorting.matchRanked.get(sort.by) !== version) {
        sorting.matchRanked.set(sort.by, version);
        MATCH_RANKS.runs++;
        const ranks = await rankColumn(sorting, logs, sort.by, member);
        return refsOf(logs, orderOfRanks(ranks, sort.dir === 'desc'), member, count);
      }
    }
    // A field's full order is cheap and serves every later filter (the UI's paging): only a
    // one-shot page (`upTo`, the CLI) orders just its own rows.
    if (FIELD_SORTS.includes(sort.by) && first) {
      const selection = { member: count === total ? null : member, count, upTo: upTo as number };
      return refsOf(logs, fieldOrderOf(sorting, logs, selection, sort));
    }
    order = { version, global: await orderOfAll(sorting, logs, total, sort) };
    // Kept while the budget allows: the UI switches between a handful of sorts.
    sorting.cache.set(cacheKey, order);
  }
  return refsOf(logs, order.global, count === total ? null : member, count);
}

/**
 * Global row numbers (log base + row) as refs (slot * SLOT + row): those `member` marks (null: all).
 * Every row of one log: the refs are the row numbers as they are, so a kept order is shared, not copied.
 */
function refsOf(
  logs: QueryLog[],
  items: ArrayLike<number>,
  member: Uint8Array | null = null,
  count = items.length,
): RowRefs {
  if (logs.length <= 1 && member === null && items instanceof Uint32Array) return items;
  const slots = new Uint32Array(logs.length + 1);
  for (let slot = 0; slot < logs.length; slot++) slots[slot + 1] = slots[slot] + logs[slot].log.count;
  const out = newRefs(logs.length, count);
  let slot = 0;
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (member !== null && member[item] !== 1) continue;
    // Items of one log are contiguous: find the slot, starting from the last one when it still fits.
    if (item < slots[slot] || item >= slots[slot + 1]) {
      slot = 0;
      while (item >= slots[slot + 1]) slot++;
    }
    out[n++] = slot * SLOT + (item - slots[slot]);
  }
  return out;
}

/** Every row of `logs` (by global row number: log base + row) in `sort` order. */
async function orderOfAll(
  sorting: Sorting,
  logs: QueryLog[],
  total: number,
  sort: SampleSort,
): Promise<Uint32Array> {
  if (!FIELD_SORTS.includes(sort.by))
    return orderOfRanks(await ranksOf(sorting, logs, sort.by), sort.dir === 'desc');
  // The keys (and the radix passes) in working memory, mapped on its own so that it is given back
  // once the sort ends (working-memory.ts); the order is kept. Collected at release: the sort
  // itself makes too little garbage for a young collection to come soon and free it, so it would
  // stay through the next queries (24 MB over a million rows, measured when it was 24 bytes a row).
  const timed = sort.by === 'timestamp';
  const inOrder = timed ? timeOrderIfSorted(logs, total, sort.dir === 'desc') : null;
  if (inOrder) return inOrder;
  // A code's ranks (reason, status, username) are small integers, counted into order from 4 bytes
  // a row; times go through the radix passes.
  const bytesPerRow = timed ? FIELD_WORKING_BYTES : 4;
  sorting.cache.makeRoom((bytesPerRow + 4) * total);
  const working = acquireWorking(bytesPerRow * total, { collect: true });
  try {
    if (!timed) {
      const ranks = new Uint32Array(working.buffer, 0, total);
      fieldKeys(sorting, logs, sort.by, null, total, ranks);
      return orderOfRanks(ranks, sort.dir === 'desc');
    }
    const keys = new Float64Array(working.buffer, 0, total);
    fieldKeys(sorting, logs, sort.by, null, total, keys);
    return orderOfKeys(keys, sort.dir === 'desc', new Uint32Array(working.buffer, 8 * total, total));
  } finally {
    working.release();
  }
}

/** A sort on times' working memory per row: a key, then the radix passes' own. */
const FIELD_WORKING_BYTES = 8 + RADIX_SCRATCH_BYTES;

/**
 * The rows `member` marks (`count` of them; null: every row) in a field sort's order, from their
 * own keys, only the first `upTo`: a script's one page (`--reason wrong --sort
 * timestamp --limit 10`) orders neither the million rows around its matches nor the matches past
 * its page. Ties keep row order, as in the full order.
 */
function fieldOrderOf(
  sorting: Sorting,
  logs: QueryLog[],
  selection: { member: Uint8Array | null; count: number; upTo: number },
  sort: SampleSort,
): Uint32Array {
  const { member, count, upTo } = selection;
  const keys = new Float64Array(count);
  fieldKeys(sorting, logs, sort.by, member, count, keys);
  const desc = sort.dir === 'desc';
  const order = firstOfKeys(keys, upTo, desc);
  if (member === null) return order;
  const items = new Uint32Array(count);
  for (let item = 0, n = 0; n < count; item++) if (member[item] === 1) items[n++] = item;
  for (let i = 0; i < order.length; i++) order[i] = items[order[i]];
  return order;
}

/** Puts the sort keys of field `by` of the rows `member` marks (null: every row) into `keys`, in row order. */
function fieldKeys(
  sorting: Sorting,
  logs: QueryLog[],
  by: string,
  member: Uint8Array | null,
  count: number,
  keys: Float64Array | Uint32Array,
): void {
  const ranks =
    by === 'username'
      ? sorting.interners.usernames.ranks()
      : by === 'status'
        ? null
        : sorting.interners.reasons.ranks();
  let item = 0;
  let n = 0;
  for (const { log, overlay } of logs) {
    for (let row = 0; row < log.count; row++, item++) {
      if (member !== null && member[item] !== 1) continue;
      if (by === 'timestamp') {
        const time = log.timestamps[row];
        keys[n++] = Number.isNaN(time) ? Infinity : time;
      } else if (by === 'status') keys[n++] = overlay.status(row);
      else {
        const code =
          by === 'reason'
            ? overlay.reason(row, log.reasons[row])
            : by === 'originalReason'
              ? log.reasons[row]
              : log.usernames[row];
        keys[n++] = (ranks as ArrayLike<number>)[code + 1];
      }
    }
  }
}

/**
 * Whether a sort on column `by` may order its first FIRST_PAGES.rows alone: the UI asks for a page
 * among them, and the column has been sorted so fewer than FIRST_PAGES.passes times since its logs
 * last changed. A bounded heap over one pass of the column is quicker than ranking every row and
 * needs no working set, but each new filter or direction costs a pass again; a column sorted once
 * more is being worked with, and is ranked (once, then every sort and page of it is quick).
 */
function firstPageOnly(sorting: Sorting, logs: QueryLog[], by: string, pageEnd: number | undefined): boolean {
  if (pageEnd === undefined || pageEnd > FIRST_PAGES.rows) return false;
  const version = ranksVersion(logs);
  const seen = sorting.firstPaged.get(by);
  const passes = seen?.version === version ? seen.passes : 0;
  if (passes >= FIRST_PAGES.passes) return false;
  sorting.firstPaged.set(by, { version, passes: passes + 1 });
  FIRST_PAGES.runs++;
  return true;
}

/** Whether the ranks of column `by` over `logs` as they are now are kept. */
function ranksKept(sorting: Sorting, logs: QueryLog[], by: string): boolean {
  const kept = sorting.cache.peek(`ranks\0${by}`) as KeptRanks | undefined;
  return kept?.version === ranksVersion(logs);
}

/** The ranks of column `by` over `logs`, kept until a log changes (review edits do not touch them). */
async function ranksOf(sorting: Sorting, logs: QueryLog[], by: string): Promise<Uint32Array> {
  const version = ranksVersion(logs);
  const cacheKey = `ranks\0${by}`;
  const kept = sorting.cache.get(cacheKey) as KeptRanks | undefined;
  if (kept?.version === version) return kept.ranks;
  const ranks = await rankColumn(sorting, logs, by, null);
  sorting.cache.set(cacheKey, { version, ranks });
  return ranks;
}

/** Ranks column `by` over `logs`, of the rows `member` marks alone when given (see RankOptions). */
async function rankColumn(
  sorting: Sorting,
  logs: QueryLog[],
  by: string,
  member: Uint8Array | null,
): Promise<Uint32Array> {
  let total = 0;
  for (const q of logs) total += q.log.count;
  sorting.cache.makeRoom(RANKS_WORKING_BYTES * total);
  sorting.cache.collectNow();
  return columnRanks(
    logs.map((q) => q.log),
    by,
    { member },
  );
}

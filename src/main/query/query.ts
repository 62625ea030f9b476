// Filter, sort and page over the indexed logs of a workspace. A query walks typed arrays only; the
// text and column filters it needs are built once per log and extended on append.
import type { SampleFilter, SampleSort } from '../../shared/api';
import type { SharedInterners } from '../log-index/apply-scan';
import { ByteBudgetCache } from './byte-budget-cache';
import { ColumnMatches } from './column-matches';
import type { LogIndex } from '../log-index/log-index';
import { STATUSES, type ReviewOverlay } from './review-overlay';
import { byteNeedles, TextMatches } from './text-search';
import { timestampBound } from '../scan/timestamp-key';
import { SLOT } from './row-refs';
import { orderOfKeys, orderOfRanks } from './sort-refs';
import { columnRanks, RANKS_WORKING_BYTES } from './column-ranks';
import {
  bytesOf,
  CACHE_BYTES,
  dataVersion,
  serialOf,
  type Cached,
  type KeptOrder,
  type KeptRanks,
} from './query-cache';
import { codesOf } from './filter-codes';
import { MARK_CODES, markOf, marksVersion, type MarksByLog } from './replay-marks';

/** One log as the query engine sees it. */
export interface QueryLog {
  folderId: string;
  /** `<folderId>/<log file>`. */
  key: string;
  log: LogIndex;
  overlay: ReviewOverlay;
}

export interface Selection {
  logs: QueryLog[];
  /** Matching refs, in result order. */
  refs: Float64Array;
}

interface LogTest {
  text: Uint8Array | null;
  /** Row bits of each `column = value` filter. */
  columns: Uint8Array[];
}

export class QueryEngine {
  private readonly cache: ByteBudgetCache<Cached>;

  constructor(
    private readonly interners: SharedInterners,
    /** What the caches may hold in all (tests use a tiny budget to make eviction happen). */
    budget = CACHE_BYTES,
  ) {
    this.cache = new ByteBudgetCache<Cached>(budget, bytesOf);
  }

  /** Drops what was built for a log that left the workspace. */
  forget(key: string): void {
    this.cache.deletePrefix(`text\0${key}\0`);
    this.cache.deletePrefix(`column\0${key}\0`);
  }

  /** Bytes held by the caches (tests, benches). */
  get cachedBytes(): number {
    return this.cache.bytes;
  }

  /** Row bits of `column` in one of `values`, or null when the log has no such column. */
  private async columnHits(q: QueryLog, name: string, values: readonly string[]): Promise<Uint8Array | null> {
    const column = q.log.shape.columns.find((c) => c.name === name);
    if (!column) return null;
    const cacheKey = `column\0${q.key}\0${column.index}\0${JSON.stringify(values)}`;
    const matches =
      (this.cache.get(cacheKey) as ColumnMatches | undefined) ?? new ColumnMatches(column.index, values);
    const hits = await matches.update(q.log);
    this.cache.set(cacheKey, matches);
    return hits;
  }

  private async textHits(q: QueryLog, needles: string[]): Promise<Uint8Array> {
    const cacheKey = `text\0${q.key}\0${needles.join('\0')}`;
    const matches = (this.cache.get(cacheKey) as TextMatches | undefined) ?? new TextMatches(needles);
    const hits = await matches.update(q.log);
    this.cache.set(cacheKey, matches);
    return hits;
  }

  /**
   * Every row of `logs` that passes `filter`, sorted. A reviewer pages through the same query while
   * scrolling, so recent selections are kept (within the caches' budget) until the data they were
   * computed from changes (an append, a re-index, a review edit): a page then costs its own rows only.
   */
  async select(
    all: QueryLog[],
    filter: SampleFilter,
    sort?: SampleSort,
    marks?: MarksByLog,
  ): Promise<Selection> {
    const key = `selection\0${JSON.stringify([filter, sort ?? null])}\0${dataVersion(all)}\0${marksVersion(marks)}`;
    const cached = this.cache.get(key) as Selection | undefined;
    if (cached) return cached;
    const selection = await this.compute(all, filter, sort, marks);
    this.cache.set(key, selection);
    return selection;
  }

  private async compute(
    all: QueryLog[],
    filter: SampleFilter,
    sort?: SampleSort,
    marks?: MarksByLog,
  ): Promise<Selection> {
    const logs = all.filter(
      (q) =>
        (!filter.folderIds || filter.folderIds.includes(q.folderId)) &&
        (!filter.logs || filter.logs.includes(q.key)),
    );
    const { reasons, usernames } = this.interners;
    const wantReasons = codesOf(filter.reasons, reasons);
    const wantOriginal = codesOf(filter.originalReasons, reasons);
    const wantUsers = codesOf(filter.usernames, usernames);
    const wantStatuses = filter.statuses ? new Set(filter.statuses.map((s) => STATUSES.indexOf(s))) : null;
    const from = filter.from ? timestampBound(filter.from, 'from') : -Infinity;
    const to = filter.to ? timestampBound(filter.to, 'to') : Infinity;
    const byTime = filter.from !== undefined || filter.to !== undefined;
    const needle = filter.text ? byteNeedles(filter.text) : null;
    const noteNeedle = filter.text?.toLowerCase() ?? '';
    const wantNote = filter.hasNote;
    const outcomes = filter.replay?.outcomes;
    const wantMarks = outcomes ? new Set(outcomes.map((mark) => MARK_CODES.indexOf(mark))) : null;

    let total = 0;
    for (const q of logs) total += q.log.count;
    // With a sort, matches are marked by global row number (log base + row) to walk the order;
    // without, they are listed as refs.
    const ordered = sort !== undefined && sort.by !== 'ordinal' && sort.by !== 'log';
    const member = ordered ? new Uint8Array(total) : null;
    const refs = new Float64Array(ordered ? 0 : total);
    let n = 0;
    let base = 0;
    for (let slot = 0; slot < logs.length; slot++, base += logs[slot - 1].log.count) {
      const q = logs[slot];
      const { log, overlay } = q;
      const test: LogTest = { text: needle ? await this.textHits(q, needle) : null, columns: [] };
      let missingColumn = false;
      for (const { column, values } of filter.columns ?? []) {
        const hits = await this.columnHits(q, column, values);
        if (!hits) missingColumn = true;
        else test.columns.push(hits);
      }
      if (missingColumn) continue;
      const count = log.count;
      const logMarks = marks?.get(q.key);
      const everyRow =
        !wantOriginal &&
        !wantReasons &&
        !wantStatuses &&
        !wantUsers &&
        !byTime &&
        wantNote === undefined &&
        !wantMarks &&
        !test.text &&
        test.columns.length === 0;
      if (everyRow) {
        // Nothing to test: every row matches (the common "show all" page).
        if (member) member.fill(1, base, base + count);
        else for (let row = 0; row < count; row++) refs[n + row] = slot * SLOT + row;
        n += count;
        continue;
      }
      for (let row = 0; row < count; row++) {
        const original = log.reasons[row];
        if (wantOriginal && !wantOriginal.has(original)) continue;
        if (wantReasons && !wantReasons.has(overlay.reason(row, original))) continue;
        if (wantStatuses && !wantStatuses.has(overlay.status(row))) continue;
        if (wantUsers && !wantUsers.has(log.usernames[row])) continue;
        if (wantNote !== undefined && overlay.notes.has(row) !== wantNote) continue;
        if (wantMarks && !wantMarks.has(markOf(logMarks, row))) continue;
        if (byTime) {
          const time = log.timestamps[row];
          if (!(time >= from && time <= to)) continue;
        }
        if (test.text && test.text[row] !== 1) {
          const note = overlay.notes.get(row);
          if (note === undefined || !note.includes(noteNeedle)) continue;
        }
        let columnsPass = true;
        for (const hits of test.columns) {
          if (hits[row] !== 1) {
            columnsPass = false;
            break;
          }
        }
        if (!columnsPass) continue;
        if (member) member[base + row] = 1;
        else refs[n] = slot * SLOT + row;
        n++;
      }
    }
    const matches = refs.subarray(0, n);
    if (!sort) return { logs, refs: matches };
    if (!member) {
      if (sort.dir === 'desc') matches.reverse();
      return { logs, refs: matches };
    }
    return { logs, refs: await this.sorted(logs, member, n, total, sort) };
  }

  /**
   * The rows marked in `member` (by global row number), in `sort` order. The order of all rows is
   * kept per sort and data version (4 bytes a row), so paging through a sorted view walks it
   * instead of sorting again.
   */
  private async sorted(
    logs: QueryLog[],
    member: Uint8Array,
    count: number,
    total: number,
    sort: SampleSort,
  ): Promise<Float64Array> {
    const version = `${sort.by}\0${sort.dir}\0${dataVersion(logs)}`;
    const cacheKey = `order\0${sort.by}\0${sort.dir}`;
    let order = this.cache.get(cacheKey) as KeptOrder | undefined;
    if (order?.version !== version) {
      order = { version, global: await this.orderOfAll(logs, total, sort) };
      // Kept while the budget allows: the UI switches between a handful of sorts.
      this.cache.set(cacheKey, order);
    }
    const slots = new Uint32Array(logs.length + 1);
    for (let slot = 0; slot < logs.length; slot++) slots[slot + 1] = slots[slot] + logs[slot].log.count;
    const out = new Float64Array(count);
    let n = 0;
    let slot = 0;
    const global = order.global;
    for (let i = 0; i < total; i++) {
      const item = global[i];
      if (count !== total && member[item] !== 1) continue;
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
  private async orderOfAll(logs: QueryLog[], total: number, sort: SampleSort): Promise<Uint32Array> {
    const desc = sort.dir === 'desc';
    const by = sort.by;
    if (!['timestamp', 'status', 'reason', 'originalReason', 'username'].includes(by)) {
      return orderOfRanks(await this.ranksOf(logs, by), desc);
    }
    const keys = new Float64Array(total);
    const ranks =
      by === 'username'
        ? this.interners.usernames.ranks()
        : by === 'status'
          ? null
          : this.interners.reasons.ranks();
    let item = 0;
    for (const { log, overlay } of logs) {
      for (let row = 0; row < log.count; row++, item++) {
        if (by === 'timestamp') {
          const time = log.timestamps[row];
          keys[item] = Number.isNaN(time) ? Infinity : time;
        } else if (by === 'status') keys[item] = overlay.status(row);
        else {
          const code =
            by === 'reason'
              ? overlay.reason(row, log.reasons[row])
              : by === 'originalReason'
                ? log.reasons[row]
                : log.usernames[row];
          keys[item] = (ranks as ArrayLike<number>)[code + 1];
        }
      }
    }
    return orderOfKeys(keys, desc);
  }

  /** The ranks of column `by` over `logs`, kept until a log changes (review edits do not touch them). */
  private async ranksOf(logs: QueryLog[], by: string): Promise<Uint32Array> {
    const version = logs
      .map((q) => `${q.key}:${serialOf(q.log)}:${q.log.count}:${q.log.generation}`)
      .join('|');
    const cacheKey = `ranks\0${by}`;
    const kept = this.cache.get(cacheKey) as KeptRanks | undefined;
    if (kept?.version === version) return kept.ranks;
    let total = 0;
    for (const q of logs) total += q.log.count;
    this.cache.makeRoom(RANKS_WORKING_BYTES * total);
    const ranks = await columnRanks(
      logs.map((q) => q.log),
      by,
    );
    this.cache.set(cacheKey, { version, ranks });
    return ranks;
  }
}

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
import { sortRefs } from './sort-refs';
import { columnRanks } from './column-ranks';
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

/** How many recent selections are kept (each is 8 bytes per matching row). */
const RECENT_SELECTIONS = 3;

export class QueryEngine {
  private readonly cache = new ByteBudgetCache<Cached>(CACHE_BYTES, bytesOf);
  private readonly recent = new Map<string, Selection>();

  constructor(private readonly interners: SharedInterners) {}

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
   * scrolling, so the last few selections are kept until the data they were computed from changes
   * (an append, a re-index, a review edit): a page then costs its own rows only.
   */
  async select(
    all: QueryLog[],
    filter: SampleFilter,
    sort?: SampleSort,
    marks?: MarksByLog,
  ): Promise<Selection> {
    const key = `${JSON.stringify([filter, sort ?? null])}\0${dataVersion(all)}\0${marksVersion(marks)}`;
    const cached = this.recent.get(key);
    if (cached) {
      this.recent.delete(key);
      this.recent.set(key, cached);
      return cached;
    }
    const selection = await this.compute(all, filter, sort, marks);
    this.recent.set(key, selection);
    if (this.recent.size > RECENT_SELECTIONS) this.recent.delete(this.recent.keys().next().value as string);
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
    const refs = new Float64Array(total);
    // With a sort, matches are also marked by global row number (log base + row) to walk the order.
    const ordered = sort !== undefined && sort.by !== 'ordinal' && sort.by !== 'log';
    const member = ordered ? new Uint8Array(total) : null;
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
        for (let row = 0; row < count; row++) refs[n++] = slot * SLOT + row;
        if (member) member.fill(1, base, base + count);
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
        refs[n++] = slot * SLOT + row;
        if (member) member[base + row] = 1;
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
   * kept per sort and data version, so paging through a sorted view walks it instead of sorting again.
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
      const refs = new Float64Array(total);
      let n = 0;
      for (let slot = 0; slot < logs.length; slot++) {
        for (let row = 0; row < logs[slot].log.count; row++) refs[n++] = slot * SLOT + row;
      }
      await this.sortSelection(logs, refs, sort);
      const bases = new Float64Array(logs.length);
      for (let slot = 1; slot < logs.length; slot++) bases[slot] = bases[slot - 1] + logs[slot - 1].log.count;
      const global = new Uint32Array(total);
      for (let i = 0; i < total; i++) {
        const ref = refs[i];
        const slot = Math.floor(ref / SLOT);
        global[i] = bases[slot] + (ref - slot * SLOT);
      }
      order = { version, refs, global };
      // Kept while the budget allows: the UI switches between a handful of sorts.
      this.cache.set(cacheKey, order);
    }
    if (count === total) return order.refs.slice();
    const out = new Float64Array(count);
    let n = 0;
    const { refs, global } = order;
    for (let i = 0; i < total; i++) if (member[global[i]] === 1) out[n++] = refs[i];
    return out;
  }

  private async sortSelection(logs: QueryLog[], refs: Float64Array, sort: SampleSort): Promise<void> {
    const desc = sort.dir === 'desc';
    const by = sort.by;
    if (by === 'ordinal' || by === 'log') {
      if (desc) refs.reverse();
      return;
    }
    const keys = new Float64Array(refs.length);
    if (by === 'timestamp') {
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i];
        const time = logs[Math.floor(ref / SLOT)].log.timestamps[ref % SLOT];
        keys[i] = Number.isNaN(time) ? Infinity : time;
      }
    } else if (by === 'status') {
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i];
        keys[i] = logs[Math.floor(ref / SLOT)].overlay.status(ref % SLOT);
      }
    } else if (by === 'reason' || by === 'originalReason' || by === 'username') {
      const ranks = (by === 'username' ? this.interners.usernames : this.interners.reasons).ranks();
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i];
        const q = logs[Math.floor(ref / SLOT)];
        const row = ref % SLOT;
        const code =
          by === 'reason'
            ? q.overlay.reason(row, q.log.reasons[row])
            : by === 'originalReason'
              ? q.log.reasons[row]
              : q.log.usernames[row];
        keys[i] = ranks[code + 1];
      }
    } else {
      const ranks = await this.ranksOf(logs, by);
      const bases = new Float64Array(logs.length);
      for (let slot = 1; slot < logs.length; slot++) bases[slot] = bases[slot - 1] + logs[slot - 1].log.count;
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i];
        const slot = Math.floor(ref / SLOT);
        keys[i] = ranks[bases[slot] + (ref - slot * SLOT)];
      }
    }
    sortRefs(refs, keys, desc);
  }

  /** The ranks of column `by` over `logs`, kept until a log changes (review edits do not touch them). */
  private async ranksOf(logs: QueryLog[], by: string): Promise<Uint32Array> {
    const version = logs
      .map((q) => `${q.key}:${serialOf(q.log)}:${q.log.count}:${q.log.generation}`)
      .join('|');
    const cacheKey = `ranks\0${by}`;
    const kept = this.cache.get(cacheKey) as KeptRanks | undefined;
    if (kept?.version === version) return kept.ranks;
    const ranks = await columnRanks(
      logs.map((q) => q.log),
      by,
    );
    this.cache.set(cacheKey, { version, ranks });
    return ranks;
  }
}

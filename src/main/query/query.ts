// Filter, sort and page over the indexed logs of a workspace. A query walks typed arrays only; the
// text and column filters it needs are built once per log and extended on append.
import type { SampleFilter, SampleSort } from '../../shared/api';
import type { SharedInterners } from '../log-index/apply-scan';
import { ByteBudgetCache, type Collecting } from './byte-budget-cache';
import { collectGarbage } from './collect-garbage';
import type { QueryLog } from './query-log';
import { ColumnMatches } from './column-matches';
import { STATUSES } from './review-overlay';
import { byteNeedles, TextMatches } from './text-search';
import { timestampBound } from '../scan/timestamp-key';
import { newRefs, SLOT, type RowRefs } from './row-refs';
import { bytesOf, CACHE_BYTES, COLLECT_AFTER_BYTES, dataVersion, type Cached } from './query-cache';
import { sortedRows, type RowsWanted, type Sorting } from './sort-order';
import { WALKER } from './row-walker';

export type { RowsWanted };
import { codesOf } from './filter-codes';
import { MARK_CODES, markOf, marksVersion, type MarksByLog } from './replay-marks';
import { mappedArray } from './mapped-arrays';

export interface Selection {
  logs: QueryLog[];
  /** Matching refs, in result order: all of them, or at least the rows RowsWanted asks for. */
  refs: RowRefs;
  /** How many rows match (more than `refs` holds when only the first were sorted). */
  total?: number;
}

/** Whether `selection` holds its rows up to `pageEnd` (or all it matches). */
function reaches(selection: Selection, pageEnd: number | undefined): boolean {
  if (pageEnd === undefined) return true;
  return selection.refs.length >= Math.min(pageEnd, selection.total ?? selection.refs.length);
}

interface LogTest {
  text: Uint8Array | null;
  /** Row bits of each `column = value` filter. */
  columns: Uint8Array[];
}

export class QueryEngine {
  private readonly cache: ByteBudgetCache<Cached>;
  private readonly sorting: Sorting;
  private readonly running = new Map<string, Promise<Selection>>();

  constructor(
    private readonly interners: SharedInterners,
    /** What the caches may hold in all (tests use a tiny budget to make eviction happen). */
    budget = CACHE_BYTES,
    collecting: Collecting = { collect: collectGarbage, collectAfter: COLLECT_AFTER_BYTES },
  ) {
    this.cache = new ByteBudgetCache<Cached>(budget, bytesOf, collecting);
    this.sorting = { cache: this.cache, interners, matchRanked: new Map(), firstPaged: new Map() };
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
   * Identical selections asked for at once (two pages of one view) are computed once.
   */
  async select(
    all: QueryLog[],
    filter: SampleFilter,
    sort?: SampleSort,
    marks?: MarksByLog,
    wanted: RowsWanted = {},
  ): Promise<Selection> {
    const key = `selection\0${JSON.stringify([filter, sort ?? null, wanted.upTo ?? null])}\0${dataVersion(all)}\0${marksVersion(marks)}`;
    const kept = this.cache.get(key) as Selection | undefined;
    if (kept && reaches(kept, wanted.pageEnd)) return kept;
    // A first sort ordered only its first rows (sort-order.ts): a page past them orders them all.
    const whole = kept !== undefined;
    const selection = await this.computeOnce(`${key}\0${whole}`, key, () =>
      this.compute(all, filter, sort, marks, whole ? { upTo: wanted.upTo } : wanted),
    );
    return reaches(selection, wanted.pageEnd) ? selection : this.select(all, filter, sort, marks, wanted);
  }

  /**
   * `compute`'s selection, kept under `key`; a second caller while it runs gets the same one. A
   * computation that walked a log's bytes (a search, a column's values) leaves what it read and
   * made on the way, megabytes V8 would hold until some later full collection, and glibc's heap
   * after that: a collection follows it, once the answer is out.
   */
  private computeOnce(run: string, key: string, compute: () => Promise<Selection>): Promise<Selection> {
    let running = this.running.get(run);
    if (running === undefined) {
      const walks = WALKER.pieces.walks;
      running = compute()
        .then((selection) => {
          this.cache.set(key, selection);
          if (WALKER.pieces.walks !== walks) setImmediate(() => this.cache.collectNow(true));
          return selection;
        })
        .finally(() => this.running.delete(run));
      this.running.set(run, running);
    }
    return running;
  }

  private async compute(
    all: QueryLog[],
    filter: SampleFilter,
    sort: SampleSort | undefined,
    marks: MarksByLog | undefined,
    wanted: RowsWanted,
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
    const member = ordered ? mappedArray(Uint8Array, total) : null;
    const refs = newRefs(logs.length, ordered ? 0 : total);
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
    // A copy when few rows match: a view would keep (and the cache count) the whole array.
    const matches = n < refs.length / 2 ? refs.slice(0, n) : refs.subarray(0, n);
    if (!sort) return { logs, refs: matches, total: n };
    if (!member) {
      if (sort.dir === 'desc') matches.reverse();
      return { logs, refs: matches, total: n };
    }
    return { logs, refs: await sortedRows(this.sorting, logs, member, n, total, sort, wanted), total: n };
  }
}

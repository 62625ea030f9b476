// Filter, sort and page over the indexed logs of a workspace. A query walks typed arrays only; the
// text and column filters it needs are built once per log and extended on append.
import type { SampleFilter, SampleSort } from '../../shared/api';
import type { SharedInterners } from '../log-index/apply-scan';
import { ColumnValues } from './column-values';
import { Interner, NO_VALUE } from '../log-index/intern';
import type { LogIndex } from '../log-index/log-index';
import { STATUSES, type ReviewOverlay } from './review-overlay';
import { byteNeedles, TextMatches } from './text-search';
import { timestampBound } from '../scan/timestamp-key';
import { SLOT } from './row-refs';
import { sortRefs } from './sort-refs';

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
  columns: { codes: Int32Array; wanted: Set<number> }[];
}

function codesOf(values: readonly (string | null)[] | undefined, interner: Interner): Set<number> | null {
  if (!values) return null;
  const codes = new Set<number>();
  for (const value of values) {
    if (value === null) codes.add(NO_VALUE);
    else {
      const code = interner.find(value);
      if (code !== undefined) codes.add(code);
    }
  }
  return codes;
}

/** How many recent selections are kept (each is 8 bytes per matching row). */
const RECENT_SELECTIONS = 3;

/** A serial per index object, so a folder closed and opened again never matches its old self. */
const serials = new WeakMap<object, number>();
let nextSerial = 0;
function serialOf(object: object): number {
  let serial = serials.get(object);
  if (serial === undefined) serials.set(object, (serial = nextSerial++));
  return serial;
}

/** Changes whenever rows are appended, a log is re-indexed or reopened, or a review edit lands. */
function dataVersion(logs: QueryLog[]): string {
  return logs
    .map(
      (q) =>
        `${q.key}:${serialOf(q.log)}:${q.log.count}:${q.log.generation}:${serialOf(q.overlay)}:${q.overlay.version}`,
    )
    .join('|');
}

export class QueryEngine {
  private readonly text = new Map<string, TextMatches>();
  private readonly columns = new Map<string, ColumnValues>();
  private readonly columnInterners = new Map<string, Interner>();
  private readonly orders = new Map<string, { version: string; refs: Float64Array; global: Uint32Array }>();
  private readonly recent = new Map<string, Selection>();

  constructor(private readonly interners: SharedInterners) {}

  /** Drops what was built for a log that left the workspace. */
  forget(key: string): void {
    for (const cache of [this.text, this.columns]) {
      for (const name of cache.keys()) if (name.startsWith(`${key}\0`)) cache.delete(name);
    }
  }

  async columnCodes(q: QueryLog, name: string): Promise<{ codes: Int32Array; interner: Interner } | null> {
    const column = q.log.shape.columns.find((c) => c.name === name);
    if (!column) return null;
    let interner = this.columnInterners.get(name);
    if (!interner) this.columnInterners.set(name, (interner = new Interner()));
    const cacheKey = `${q.key}\0${name}`;
    let values = this.columns.get(cacheKey);
    if (!values || values.column !== column.index) {
      values = new ColumnValues(column.index, interner);
      this.columns.set(cacheKey, values);
    }
    return { codes: await values.update(q.log), interner };
  }

  private async textHits(q: QueryLog, needles: string[]): Promise<Uint8Array> {
    const cacheKey = `${q.key}\0${needles.join('\0')}`;
    let matches = this.text.get(cacheKey);
    if (!matches) this.text.set(cacheKey, (matches = new TextMatches(needles)));
    return matches.update(q.log);
  }

  /**
   * Every row of `logs` that passes `filter`, sorted. A reviewer pages through the same query while
   * scrolling, so the last few selections are kept until the data they were computed from changes
   * (an append, a re-index, a review edit): a page then costs its own rows only.
   */
  async select(all: QueryLog[], filter: SampleFilter, sort?: SampleSort): Promise<Selection> {
    const key = `${JSON.stringify([filter, sort ?? null])}\0${dataVersion(all)}`;
    const cached = this.recent.get(key);
    if (cached) {
      this.recent.delete(key);
      this.recent.set(key, cached);
      return cached;
    }
    const selection = await this.compute(all, filter, sort);
    this.recent.set(key, selection);
    if (this.recent.size > RECENT_SELECTIONS) this.recent.delete(this.recent.keys().next().value as string);
    return selection;
  }

  private async compute(all: QueryLog[], filter: SampleFilter, sort?: SampleSort): Promise<Selection> {
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
        const found = await this.columnCodes(q, column);
        if (!found) missingColumn = true;
        else test.columns.push({ codes: found.codes, wanted: codesOf(values, found.interner) ?? new Set() });
      }
      if (missingColumn) continue;
      const count = log.count;
      const everyRow =
        !wantOriginal &&
        !wantReasons &&
        !wantStatuses &&
        !wantUsers &&
        !byTime &&
        wantNote === undefined &&
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
        if (byTime) {
          const time = log.timestamps[row];
          if (!(time >= from && time <= to)) continue;
        }
        if (test.text && test.text[row] !== 1) {
          const note = overlay.notes.get(row);
          if (note === undefined || !note.includes(noteNeedle)) continue;
        }
        let columnsPass = true;
        for (const { codes, wanted } of test.columns) {
          if (!wanted.has(codes[row])) {
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
    let order = this.orders.get(`${sort.by}\0${sort.dir}`);
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
      this.orders.set(`${sort.by}\0${sort.dir}`, order);
      // A few sorts are kept (the UI switches between a handful).
      if (this.orders.size > 4) this.orders.delete(this.orders.keys().next().value as string);
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
    } else if (by === 'reason' || by === 'username') {
      const ranks = (by === 'reason' ? this.interners.reasons : this.interners.usernames).ranks();
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i];
        const q = logs[Math.floor(ref / SLOT)];
        const row = ref % SLOT;
        const code = by === 'reason' ? q.overlay.reason(row, q.log.reasons[row]) : q.log.usernames[row];
        keys[i] = ranks[code + 1];
      }
    } else {
      const perLog = await Promise.all(logs.map((q) => this.columnCodes(q, by)));
      const interner = this.columnInterners.get(by);
      const ranks = interner ? interner.ranks() : new Uint32Array(1);
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i];
        const found = perLog[Math.floor(ref / SLOT)];
        keys[i] = found ? ranks[found.codes[ref % SLOT] + 1] : 0;
      }
    }
    sortRefs(refs, keys, desc);
  }
}

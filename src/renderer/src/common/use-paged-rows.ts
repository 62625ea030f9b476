// The rows of the current query, fetched a page at a time as the view asks for them, and kept
// current by events: appended rows, review changes, rewritten logs.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SampleFilter, SampleSort } from '../../../shared/api';
import type { SampleRow } from '../../../shared/model';
import { useApi } from './api-context';
import { errorMessage } from './errors';
import { PageCache } from './page-cache';

export const PAGE_SIZE = 100;
const FETCH_INTERVAL_MS = 80;
const PROGRESS_REFRESH_MS = 500;

export interface PagedRows {
  total: number;
  /** Bumped whenever a page lands, so views re-read `rowAt`. */
  version: number;
  loading: boolean;
  error: string | null;
  /** Rows appended live since the reviewer last looked at the end. */
  newRows: number;
  rowAt(offset: number): SampleRow | undefined;
  /** The view's visible rows; fetches the pages they need. */
  show(first: number, last: number): void;
  acknowledgeNew(): void;
  /** Refetches the visible pages, keeping the current rows on screen until they arrive. */
  refresh(): void;
  /** The offset of the first row at or after `from` (wrapping to the top) passing `test`, or -1. */
  findFrom(from: number, test: (row: SampleRow) => boolean): Promise<number>;
  /** True for rows appended since the last `acknowledgeNew`. */
  isNew(row: SampleRow): boolean;
}

/** `scope` names what is open (e.g. the folder ids): when it changes, the query starts over. */
export function usePagedRows(
  filter: SampleFilter,
  sort: SampleSort | undefined,
  scope: string,
  enabled: boolean,
): PagedRows {
  const { client } = useApi();
  const cache = useMemo(() => new PageCache<SampleRow>(PAGE_SIZE), []);
  const [total, setTotal] = useState(0);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- scope is part of the query's identity
  const current = useMemo(() => ({ filter, sort }), [filter, sort, scope]);
  /** The query whose first answer has arrived (until then the view shows "loading"). */
  const [answered, setAnswered] = useState<unknown>(null);
  /** The total when the first unseen append arrived, for the query it was counted in. */
  const [baseline, setBaseline] = useState<{ query: unknown; total: number } | null>(null);
  const range = useRef<[number, number]>([0, PAGE_SIZE - 1]);
  /** Keys of rows appended since the reviewer last caught up (for "N new" → the first of them). */
  const appended = useRef(new Set<string>());
  const lastProgress = useRef(0);
  const query = useRef(current);

  const fetchPage = useCallback(
    async (page: number): Promise<void> => {
      const token = cache.begin(page);
      try {
        const asked = query.current;
        const result = await client.call('samples.query', {
          filter: asked.filter,
          sort: asked.sort,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        });
        if (!cache.fill(page, token, result.rows)) return;
        setTotal(result.total);
        setError(null);
        setAnswered(asked);
        setVersion((v) => v + 1);
      } catch (e) {
        cache.fail(page, token);
        setError(errorMessage(e));
      }
    },
    [cache, client],
  );

  // At most one round of page requests per FETCH_INTERVAL_MS (plus a trailing one for where the
  // view stopped), so dragging the scrollbar across 100,000 rows does not ask for every page passed.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastFetch = useRef(0);
  const show = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      const run = (): void => {
        timer.current = null;
        lastFetch.current = performance.now();
        const [from, to] = range.current;
        for (const page of cache.needed(from, to)) void fetchPage(page);
      };
      const wait = FETCH_INTERVAL_MS - (performance.now() - lastFetch.current);
      if (wait <= 0) run();
      else timer.current ??= setTimeout(run, wait);
    },
    [cache, fetchPage],
  );
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);

  const refresh = useCallback(() => {
    cache.markStale();
    const [first, last] = range.current;
    show(first, Math.max(last, first));
  }, [cache, show]);

  // A new query starts from an empty cache at the top.
  useEffect(() => {
    if (!enabled) return;
    query.current = current;
    cache.clear();
    range.current = [0, PAGE_SIZE - 1];
    void fetchPage(0);
  }, [cache, fetchPage, current, enabled]);

  useEffect(() => {
    if (!enabled) return;
    const offs = [
      client.on('rowsAppended', (e) => {
        for (const id of e.ids) appended.current.add(`${e.folderId}\u0000${id}`);
        setBaseline((b) => (b && b.query === query.current ? b : { query: query.current, total }));
        refresh();
      }),
      client.on('reviewChanged', (e) => {
        const changed = new Map(e.changes.map((c) => [`${c.folderId}\u0000${c.id}`, c.review]));
        cache.mapRows((row) => {
          const review = changed.get(`${row.folderId}\u0000${row.id}`);
          return review ? { ...row, review } : row;
        });
        setVersion((v) => v + 1);
        refresh();
      }),
      client.on('logReset', refresh),
      client.on('logAdded', refresh),
      // While a log is indexed, the total grows: follow it (twice a second, and at the end).
      client.on('indexProgress', (p) => {
        const now = performance.now();
        if (p.bytesIndexed < p.bytesTotal && now - lastProgress.current < PROGRESS_REFRESH_MS) return;
        lastProgress.current = now;
        refresh();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [cache, client, refresh, total, enabled]);

  const acknowledgeNew = useCallback(() => {
    appended.current.clear();
    setBaseline(null);
  }, []);

  /** Scans `from..end` then `0..from` (so "next" wraps), a query of 200 rows at a time. */
  const findFrom = useCallback(
    async (from: number, test: (row: SampleRow) => boolean): Promise<number> => {
      const { filter: f, sort: s } = query.current;
      const scan = async (start: number, end: number): Promise<number> => {
        for (let offset = start; offset < end; offset += PAGE_SIZE * 2) {
          const limit = Math.min(PAGE_SIZE * 2, end - offset);
          const result = await client.call('samples.query', { filter: f, sort: s, offset, limit });
          const at = result.rows.findIndex(test);
          if (at >= 0) return offset + at;
        }
        return -1;
      };
      const ahead = await scan(Math.max(0, from), total);
      return ahead >= 0 ? ahead : scan(0, Math.min(from, total));
    },
    [client, total],
  );

  const isNew = useCallback((row: SampleRow) => appended.current.has(`${row.folderId}\u0000${row.id}`), []);

  return {
    total,
    version,
    loading: answered !== current,
    error,
    newRows: baseline?.query === current ? Math.max(0, total - baseline.total) : 0,
    rowAt: (offset) => cache.get(offset),
    show,
    acknowledgeNew,
    refresh,
    isNew,
    findFrom,
  };
}

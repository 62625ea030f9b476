// The rows of the current query, fetched a page at a time as the view asks for them, and kept
// current by events: appended rows, review changes, rewritten logs. The "N new" count and the
// search for a row have files of their own (use-new-rows.ts, find-row-from.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SampleFilter, SampleSort } from '../../../shared/api';
import type { SampleRow } from '../../../shared/model';
import { useApi } from './api-context';
import { errorMessage } from './errors';
import { PageCache } from './page-cache';
import { PAGE_SIZE, type PagedRows } from './paged-rows';
import { findRowFrom } from './find-row-from';
import { queryDependsOnReview } from './review-dependent-query';
import { useNewRows } from './use-new-rows';

export { PAGE_SIZE, type PagedRows };

const FETCH_INTERVAL_MS = 80;
const PROGRESS_REFRESH_MS = 500;

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
  const range = useRef<[number, number]>([0, PAGE_SIZE - 1]);
  const lastProgress = useRef(0);
  const query = useRef(current);
  const newRows = useNewRows();
  const { noteAppended } = newRows;

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
        noteAppended(e, query, total);
        refresh();
      }),
      client.on('reviewChanged', (e) => {
        const changed = new Map(e.changes.map((c) => [`${c.folderId}\u0000${c.id}`, c.review]));
        cache.mapRows((row) => {
          const review = changed.get(`${row.folderId}\u0000${row.id}`);
          return review ? { ...row, review } : row;
        });
        setVersion((v) => v + 1);
        if (queryDependsOnReview(query.current.filter, query.current.sort)) refresh();
      }),
      client.on('logReset', refresh),
      // A file that arrived after its row: the rows on screen are fetched again (their cells change).
      client.on('assetsArrived', refresh),
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
  }, [cache, client, refresh, total, enabled, noteAppended]);

  const findFrom = useCallback(
    (from: number, test: (row: SampleRow) => boolean) =>
      findRowFrom(client, query.current, total, from, test),
    [client, total],
  );

  return {
    total,
    version,
    loading: answered !== current,
    error,
    newRows: newRows.countFor(current, total),
    rowAt: (offset) => cache.get(offset),
    show,
    acknowledgeNew: newRows.acknowledgeNew,
    refresh,
    isNew: newRows.isNew,
    findFrom,
  };
}

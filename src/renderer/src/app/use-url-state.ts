// Keeps the filter, sort and selected sample in the address bar (replaced, not pushed: the Back
// button leaves the app, it does not step through filters), and selects the sample named there once
// the rows are in.
import { useEffect, useRef } from 'react';
import type { SampleFilter, SampleSort } from '../../../shared/api';
import type { SampleRow } from '../../../shared/model';
import { refKey } from '../common/selection';
import type { PagedRows } from '../common/use-paged-rows';
import type { Cursor } from './use-cursor';
import { readUrlState, writeUrlState, type UrlState } from './url-state';

/** The state the page was loaded with. */
export function initialUrlState(): UrlState {
  return readUrlState(globalThis.location?.search ?? '');
}

export function useUrlState(
  filter: SampleFilter,
  sort: SampleSort | undefined,
  row: SampleRow | undefined,
  rows: PagedRows,
  cursor: Cursor,
): void {
  // The sample to select once; null when done (found, not found, or the reviewer moved first).
  const pending = useRef(initialUrlState().sample ?? null);
  const { total, loading, findFrom } = rows;
  const { moveTo } = cursor;

  useEffect(() => {
    const wanted = pending.current;
    if (!wanted || loading || total === 0) return;
    pending.current = null;
    const key = refKey(wanted);
    void findFrom(0, (r) => refKey(r) === key).then((at) => at >= 0 && moveTo(at, true));
  }, [total, loading, findFrom, moveTo]);

  useEffect(() => {
    // Until the sample from the address is found, keep it there (a reload meanwhile keeps it too).
    const sample = row ? { folderId: row.folderId, id: row.id } : (pending.current ?? undefined);
    const { location, history } = globalThis;
    if (!location || !history) return;
    const search = writeUrlState(location.search, { filter, sort, sample });
    if (search !== location.search)
      history.replaceState(history.state, '', location.pathname + search + location.hash);
  }, [filter, sort, row]);
}

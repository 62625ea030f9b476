// The current sample: an offset in the query plus the sample's id, so that when rows move under it
// (a live append into a sorted view, a re-sort), the cursor follows the sample, not the position.
import { useCallback, useState } from 'react';
import type { SampleRow } from '../../../shared/model';
import { refKey } from '../common/selection';
import type { PagedRows } from '../common/use-paged-rows';

export interface Cursor {
  current: number;
  row: SampleRow | undefined;
  scrollRequest: number;
  moveTo(offset: number, scroll: boolean): void;
}

const REANCHOR_WINDOW = 200;

interface Anchor {
  query: unknown;
  offset: number;
  key: string | null;
  scroll: number;
}

/** Where the anchored sample is now: its old offset, or the nearest offset holding its id. */
function follow(rows: PagedRows, offset: number, key: string | null): number {
  const at = rows.rowAt(offset);
  if (key === null || !at || refKey(at) === key) return offset;
  for (let d = 1; d <= REANCHOR_WINDOW; d++) {
    for (const candidate of [offset - d, offset + d]) {
      const row = candidate >= 0 ? rows.rowAt(candidate) : undefined;
      if (row && refKey(row) === key) return candidate;
    }
  }
  return offset;
}

export function useCursor(rows: PagedRows, query: unknown): Cursor {
  const [anchor, setAnchor] = useState<Anchor>({ query, offset: -1, key: null, scroll: 0 });
  // A new query starts with no current sample.
  const live = anchor.query === query ? anchor : { query, offset: -1, key: null, scroll: anchor.scroll };
  const current = live.offset < 0 ? -1 : follow(rows, live.offset, live.key);
  const row = current >= 0 ? rows.rowAt(current) : undefined;
  const { total, rowAt } = rows;

  const moveTo = useCallback(
    (offset: number, scroll: boolean) => {
      if (total === 0) return;
      const clamped = Math.max(0, Math.min(total - 1, offset));
      const at = rowAt(clamped);
      setAnchor((a) => ({
        query,
        offset: clamped,
        key: at ? refKey(at) : null,
        scroll: scroll ? a.scroll + 1 : a.scroll,
      }));
    },
    [total, rowAt, query],
  );

  return { current, row, scrollRequest: live.scroll, moveTo };
}

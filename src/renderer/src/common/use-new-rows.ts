// The "N new" count: rows appended live since the reviewer last looked at the end, counted for the
// query they arrived in, and which rows they are (for "N new" → the first of them).
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { SampleRow } from '../../../shared/model';

interface Appended {
  folderId: string;
  ids: string[];
}

export interface NewRows {
  noteAppended(event: Appended, query: RefObject<unknown>, total: number): void;
  acknowledgeNew(): void;
  isNew(row: SampleRow): boolean;
  countFor(query: unknown, total: number): number;
}

export function useNewRows(): NewRows {
  /** Keys of rows appended since the reviewer last caught up. */
  const appended = useRef(new Set<string>());
  /** The total when the first unseen append arrived, for the query it was counted in. */
  const [baseline, setBaseline] = useState<{ query: unknown; total: number } | null>(null);

  const noteAppended = useCallback((event: Appended, query: RefObject<unknown>, total: number) => {
    for (const id of event.ids) appended.current.add(`${event.folderId}\u0000${id}`);
    setBaseline((b) => (b && b.query === query.current ? b : { query: query.current, total }));
  }, []);

  const acknowledgeNew = useCallback(() => {
    appended.current.clear();
    setBaseline(null);
  }, []);

  const isNew = useCallback((row: SampleRow) => appended.current.has(`${row.folderId}\u0000${row.id}`), []);

  const countFor = (query: unknown, total: number): number =>
    baseline !== null && baseline.query === query ? Math.max(0, total - baseline.total) : 0;

  return { noteAppended, acknowledgeNew, isNew, countFor };
}

// Which rows a bulk edit targets: none, an explicit set (ctrl/shift-click), or every row matching
// the current filter ("select all matching"), which stays correct for rows never loaded.
import type { SampleFilter } from '../../../shared/api';
import type { SampleRef } from '../../../shared/model';

export type Selection =
  { kind: 'none' } | { kind: 'rows'; refs: Map<string, SampleRef>; anchor: number } | { kind: 'filter' };

export const noSelection: Selection = { kind: 'none' };

export const refKey = (ref: SampleRef): string => `${ref.folderId}\u0000${ref.id}`;

/**
 * Ctrl-click: adds or removes a row. With nothing selected yet, the current row (the one clicked
 * before) starts the selection, as in every file manager: click A, ctrl-click B selects both.
 */
export function toggleRow(
  selection: Selection,
  ref: SampleRef,
  offset: number,
  current?: SampleRef,
): Selection {
  const refs = new Map(selection.kind === 'rows' ? selection.refs : []);
  if (selection.kind === 'none' && current)
    refs.set(refKey(current), { folderId: current.folderId, id: current.id });
  const key = refKey(ref);
  if (refs.has(key)) refs.delete(key);
  else refs.set(key, ref);
  return refs.size === 0 ? noSelection : { kind: 'rows', refs, anchor: offset };
}

/** Shift-click: adds the rows between the anchor and `offset`, as far as `rowAt` knows them. */
export function extendTo(
  selection: Selection,
  offset: number,
  fallbackAnchor: number,
  rowAt: (offset: number) => SampleRef | undefined,
): Selection {
  const anchor = selection.kind === 'rows' ? selection.anchor : fallbackAnchor;
  const refs = new Map(selection.kind === 'rows' ? selection.refs : []);
  const [from, to] = anchor <= offset ? [anchor, offset] : [offset, anchor];
  for (let i = from; i <= to; i++) {
    const ref = rowAt(i);
    if (ref) refs.set(refKey(ref), { folderId: ref.folderId, id: ref.id });
  }
  return refs.size === 0 ? noSelection : { kind: 'rows', refs, anchor };
}

export function isSelected(selection: Selection, ref: SampleRef): boolean {
  if (selection.kind === 'filter') return true;
  return selection.kind === 'rows' && selection.refs.has(refKey(ref));
}

export function selectionSize(selection: Selection, matching: number): number {
  if (selection.kind === 'filter') return matching;
  return selection.kind === 'rows' ? selection.refs.size : 0;
}

export type EditTargets = { samples: SampleRef[] } | { filter: SampleFilter };

/**
 * What an edit applies to: a selection of several rows (or the whole filter) when there is one,
 * else the current row (a lone ctrl-clicked row is left behind once the cursor moves on).
 */
export function editTargets(
  selection: Selection,
  current: SampleRef | undefined,
  filter: SampleFilter,
): EditTargets | undefined {
  if (selection.kind === 'filter') return { filter };
  if (selection.kind === 'rows' && selection.refs.size > 1) return { samples: [...selection.refs.values()] };
  return current ? { samples: [{ folderId: current.folderId, id: current.id }] } : undefined;
}

/**
 * The folders an edit of the selection may touch (a number key means option N of each one's own
 * options): those of the selected rows, or, for "all matching", the filter's folders or every open one.
 */
export function selectionFolders(
  selection: Selection,
  filter: SampleFilter,
  openFolders: string[],
): string[] {
  if (selection.kind === 'rows') return [...new Set([...selection.refs.values()].map((ref) => ref.folderId))];
  if (selection.kind === 'filter') {
    const fromLogs = filter.logs?.map((key) => key.slice(0, key.indexOf('/')));
    const named = filter.folderIds ?? fromLogs;
    return named && named.length > 0 ? [...new Set(named)] : openFolders;
  }
  return [];
}

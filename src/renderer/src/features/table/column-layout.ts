// A reviewer's column layout (which columns show, in which order) applied over the table's own
// columns. Columns the layout does not know (a log added since) keep their place after the known ones.
import type { TableColumn } from './columns';

export interface ColumnLayout {
  /** Column keys in the reviewer's order. */
  order: string[];
  hidden: string[];
}

export const noLayout: ColumnLayout = { order: [], hidden: [] };

export const columnKey = (column: TableColumn): string => `${column.type}:${column.id}`;

/** The `#` column anchors each row (its note marker too): it is always first and shown. */
export const isPinned = (column: TableColumn): boolean => column.type === 'fixed' && column.id === 'ordinal';

/** Every column in the layout's order, hidden ones included (what the picker lists). */
export function orderedColumns(columns: TableColumn[], layout: ColumnLayout): TableColumn[] {
  const rank = new Map(layout.order.map((key, i) => [key, i]));
  const known = columns.filter((c) => rank.has(columnKey(c)) && !isPinned(c));
  known.sort((a, b) => (rank.get(columnKey(a)) ?? 0) - (rank.get(columnKey(b)) ?? 0));
  const pinned = columns.filter(isPinned);
  const rest = columns.filter((c) => !rank.has(columnKey(c)) && !isPinned(c));
  return [...pinned, ...known, ...rest];
}

/** The columns the table shows. */
export function visibleColumns(columns: TableColumn[], layout: ColumnLayout): TableColumn[] {
  const hidden = new Set(layout.hidden);
  return orderedColumns(columns, layout).filter((c) => isPinned(c) || !hidden.has(columnKey(c)));
}

export function withShown(layout: ColumnLayout, key: string, shown: boolean): ColumnLayout {
  const hidden = layout.hidden.filter((k) => k !== key);
  return { ...layout, hidden: shown ? hidden : [...hidden, key] };
}

/** Moves a column one place up (-1) or down (+1) among the listed ones. */
export function withMoved(
  columns: TableColumn[],
  layout: ColumnLayout,
  key: string,
  step: -1 | 1,
): ColumnLayout {
  const keys = orderedColumns(columns, layout)
    .filter((c) => !isPinned(c))
    .map(columnKey);
  const at = keys.indexOf(key);
  const to = at + step;
  if (at < 0 || to < 0 || to >= keys.length) return layout;
  [keys[at], keys[to]] = [keys[to], keys[at]];
  return { ...layout, order: keys };
}

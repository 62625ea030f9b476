// The reviewer's column layout over the table's own columns: order, hidden ones, new columns.
import { describe, expect, it } from 'vitest';
import {
  columnKey,
  noLayout,
  orderedColumns,
  visibleColumns,
  withMoved,
  withShown,
} from '../../../../src/renderer/src/features/table/column-layout';
import type { TableColumn } from '../../../../src/renderer/src/features/table/columns';

const fixed = (id: 'ordinal' | 'status' | 'reason'): TableColumn => ({
  type: 'fixed',
  id,
  title: id,
  width: 50,
  sortBy: id,
});
const data = (id: string): TableColumn => ({
  type: 'data',
  id,
  title: id,
  width: 50,
  sortBy: id,
  kind: 'text',
});
const columns = [fixed('ordinal'), fixed('status'), data('prompt'), data('output'), fixed('reason')];
const titles = (list: TableColumn[]) => list.map((c) => c.title);

describe('column layout', () => {
  it('shows the table order when nothing was chosen', () => {
    expect(titles(visibleColumns(columns, noLayout))).toEqual([
      'ordinal',
      'status',
      'prompt',
      'output',
      'reason',
    ]);
  });

  it('hides and shows a column again', () => {
    const hidden = withShown(noLayout, 'data:prompt', false);
    expect(titles(visibleColumns(columns, hidden))).toEqual(['ordinal', 'status', 'output', 'reason']);
    expect(titles(orderedColumns(columns, hidden))).toContain('prompt');
    expect(titles(visibleColumns(columns, withShown(hidden, 'data:prompt', true)))).toContain('prompt');
  });

  it('moves a column, keeps # first, and puts columns it does not know after the known ones', () => {
    const moved = withMoved(columns, noLayout, 'data:output', -1);
    expect(titles(visibleColumns(columns, moved))).toEqual([
      'ordinal',
      'status',
      'output',
      'prompt',
      'reason',
    ]);
    expect(withMoved(columns, noLayout, 'fixed:status', -1)).toBe(noLayout);
    const grown = [...columns.slice(0, 4), data('score'), columns[4]];
    expect(titles(visibleColumns(grown, moved))).toEqual([
      'ordinal',
      'status',
      'output',
      'prompt',
      'reason',
      'score',
    ]);
    expect(columnKey(columns[0])).toBe('fixed:ordinal');
  });

  it('never hides the # column', () => {
    const layout = withShown(noLayout, 'fixed:ordinal', false);
    expect(titles(visibleColumns(columns, layout))[0]).toBe('ordinal');
  });
});

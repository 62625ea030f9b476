// The virtualized table: only the rows on screen exist in the DOM, and only their pages are fetched.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import type { SampleSort } from '../../../../shared/api';
import { isSelected, type Selection } from '../../common/selection';
import type { CellIndex, TableColumn } from './columns';
import { TableHeader } from './table-header';
import { TableRow } from './table-row';
import type { PagedRows } from '../../common/use-paged-rows';

export const ROW_HEIGHT = 44;

interface Props {
  rows: PagedRows;
  columns: TableColumn[];
  index: CellIndex;
  current: number;
  selection: Selection;
  sort: SampleSort | undefined;
  onSort: (sort: SampleSort | undefined) => void;
  onRowClick: (offset: number, event: MouseEvent) => void;
  onOpen: (offset: number) => void;
  /** Bumped to scroll `current` into view (keyboard moves, "N new"). */
  scrollRequest: number;
}

export function SampleTable(props: Props): React.JSX.Element {
  const { rows, columns, index, current, selection, scrollRequest } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual keeps its own state; React's compiler cannot memoize around it (no harm here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { show, newRows, acknowledgeNew } = rows;

  useEffect(() => show(first, last), [show, first, last, rows.total]);
  // Appended rows already on screen (not just rendered in the overscan) are seen: no "N new" pill.
  const lastVisible = virtualizer.range?.endIndex ?? last;
  useEffect(() => {
    if (newRows > 0 && lastVisible >= rows.total - 1) acknowledgeNew();
  }, [newRows, lastVisible, rows.total, acknowledgeNew]);
  useEffect(() => {
    if (current >= 0) virtualizer.scrollToIndex(current, { align: 'auto' });
    // Only explicit requests scroll; a mouse click on a row must not jump the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  const template = columns.map((c) => `${c.width}px`).join(' ');
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  return (
    <div
      className="table-scroller"
      ref={scroller}
      data-testid="sample-table"
      role="table"
      aria-rowcount={rows.total}
    >
      <div style={{ width, minWidth: '100%' }}>
        <TableHeader columns={columns} template={template} sort={props.sort} onSort={props.onSort} />
        <div className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            return (
              <TableRow
                key={item.key}
                row={row}
                offset={item.index}
                columns={columns}
                template={template}
                index={index}
                current={item.index === current}
                selected={row !== undefined && isSelected(selection, row)}
                top={item.start}
                height={ROW_HEIGHT}
                onClick={props.onRowClick}
                onOpen={props.onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

// A virtualized grid of thumbnails for image data sets: rows of tiles, fetched page by page.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useElementWidth } from '../../components/use-element-width';
import { isSelected, type Selection } from '../../common/selection';
import type { PagedRows } from '../../common/use-paged-rows';
import { GridTile } from './grid-tile';

const TILE = 180;
const GAP = 8;

interface Props {
  rows: PagedRows;
  current: number;
  selection: Selection;
  onRowClick: (offset: number, event: MouseEvent) => void;
  onOpen: (offset: number) => void;
  scrollRequest: number;
}

export function SampleGrid(props: Props): React.JSX.Element {
  const { rows, current, selection, scrollRequest } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scroller);
  const perRow = Math.max(1, Math.floor((width - GAP) / (TILE + GAP)));
  const lines = Math.ceil(rows.total / perRow);
  // TanStack Virtual keeps its own state; React's compiler cannot memoize around it (no harm here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines,
    getScrollElement: () => scroller.current,
    estimateSize: () => TILE + GAP,
    overscan: 3,
  });
  const items = virtualizer.getVirtualItems();
  const first = (items[0]?.index ?? 0) * perRow;
  const last = ((items[items.length - 1]?.index ?? -1) + 1) * perRow - 1;
  const { show } = rows;

  useEffect(() => show(first, Math.min(last, rows.total - 1)), [show, first, last, rows.total]);
  useEffect(() => {
    if (current >= 0) virtualizer.scrollToIndex(Math.floor(current / perRow), { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  return (
    <div className="grid-scroller" ref={scroller} data-testid="sample-grid">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((line) => (
          <div
            className="grid-line"
            key={line.key}
            style={{ transform: `translateY(${line.start}px)`, gap: GAP }}
          >
            {Array.from({ length: perRow }, (_, i) => line.index * perRow + i)
              .filter((offset) => offset < rows.total)
              .map((offset) => {
                const row = rows.rowAt(offset);
                return (
                  <GridTile
                    key={offset}
                    row={row}
                    offset={offset}
                    size={TILE}
                    current={offset === current}
                    selected={row !== undefined && isSelected(selection, row)}
                    onClick={props.onRowClick}
                    onOpen={props.onOpen}
                  />
                );
              })}
          </div>
        ))}
      </div>
    </div>
  );
}

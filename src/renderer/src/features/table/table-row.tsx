// One sample as a table row (or a placeholder while its page loads).
import { memo, type MouseEvent } from 'react';
import type { SampleRow } from '../../../../shared/model';
import { StatusPill } from '../../components/status-pill';
import { CellView } from './cell-view';
import { currentReason } from '../../common/rows';
import { cellFor, type CellIndex, type TableColumn } from './columns';

interface Props {
  row: SampleRow | undefined;
  offset: number;
  columns: TableColumn[];
  template: string;
  index: CellIndex;
  current: boolean;
  selected: boolean;
  top: number;
  height: number;
  onClick: (offset: number, event: MouseEvent) => void;
  onOpen: (offset: number) => void;
}

function fixedCell(row: SampleRow, column: Extract<TableColumn, { type: 'fixed' }>): React.ReactNode {
  switch (column.id) {
    case 'ordinal':
      return (
        <>
          {row.ordinal}
          {row.review.note !== '' && (
            <span className="note-marker" role="img" aria-label="Has note" title={row.review.note}>
              ✎
            </span>
          )}
        </>
      );
    case 'folder':
      return column.labels?.get(row.folderId) ?? row.folderId;
    case 'log':
      // A column too narrow for a sample folder's path (`<uuid>/metadata.jsonl`): whole on hover.
      return <span title={row.log}>{row.log}</span>;
    case 'status':
      return <StatusPill status={row.review.status} />;
    case 'originalReason':
      return row.originalReason ?? '';
    case 'reason': {
      const changed = row.review.reason !== undefined;
      return changed ? <span className="reason-new">{currentReason(row) ?? '(cleared)'}</span> : '';
    }
    case 'replay':
      return row.replay ? (
        <span className={`outcome outcome-${row.replay.outcome}`} title={`replay run ${row.replay.run}`}>
          {row.replay.outcome}
        </span>
      ) : (
        ''
      );
    case 'username':
      return row.username ?? '';
    case 'timestamp':
      return row.timestamp ?? '';
    default:
      return '';
  }
}

export const TableRow = memo(function TableRow(props: Props): React.JSX.Element {
  const { row, offset, columns, template, index, current, selected, top, height } = props;
  const style = { transform: `translateY(${top}px)`, height, gridTemplateColumns: template };
  if (!row) {
    return (
      <div className="tr placeholder" style={style} role="row" aria-rowindex={offset + 1}>
        <div className="td muted">{offset + 1}</div>
      </div>
    );
  }
  return (
    <div
      className={`tr${current ? ' current' : ''}${selected ? ' selected' : ''}`}
      style={style}
      role="row"
      aria-rowindex={offset + 1}
      aria-selected={selected}
      data-sample={row.id}
      data-folder={row.folderId}
      onClick={(e) => props.onClick(offset, e)}
      onDoubleClick={() => props.onOpen(offset)}
    >
      {columns.map((c) => (
        <div
          className={`td td-${c.type === 'data' ? c.kind : c.id}`}
          key={`${c.type}:${c.id}`}
          role="cell"
          data-column={c.type === 'data' ? c.id : undefined}
        >
          {c.type === 'fixed' ? (
            fixedCell(row, c)
          ) : (
            <CellView folderId={row.folderId} cell={cellFor(index, row, c.id)} kind={c.kind} />
          )}
        </div>
      ))}
    </div>
  );
});

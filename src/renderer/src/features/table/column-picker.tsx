// Show, hide and reorder the table's columns (the `#` column stays first). Changes apply at once
// and are remembered per folder.
import { Modal } from '../../components/modal';
import {
  columnKey,
  isPinned,
  noLayout,
  orderedColumns,
  withMoved,
  withShown,
  type ColumnLayout,
} from './column-layout';
import type { TableColumn } from './columns';

interface Props {
  columns: TableColumn[];
  layout: ColumnLayout;
  onChange: (layout: ColumnLayout) => void;
  onClose: () => void;
  /** What the layout is remembered for (the folder's path, or "these N folders"). */
  scope: string;
}

export function ColumnPicker({ columns, layout, onChange, onClose, scope }: Props): React.JSX.Element {
  const listed = orderedColumns(columns, layout).filter((c) => !isPinned(c));
  const hidden = new Set(layout.hidden);
  return (
    <Modal title="Columns" onClose={onClose} testId="column-picker">
      <p className="muted">Remembered for {scope}.</p>
      <ul className="column-picker" aria-label="Columns">
        {listed.map((column, i) => {
          const key = columnKey(column);
          return (
            <li key={key} data-column-key={key}>
              <label>
                <input
                  type="checkbox"
                  checked={!hidden.has(key)}
                  onChange={(e) => onChange(withShown(layout, key, e.target.checked))}
                />
                {column.title}
              </label>
              <button
                type="button"
                className="icon"
                aria-label={`Move ${column.title} up`}
                disabled={i === 0}
                onClick={() => onChange(withMoved(columns, layout, key, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon"
                aria-label={`Move ${column.title} down`}
                disabled={i === listed.length - 1}
                onClick={() => onChange(withMoved(columns, layout, key, 1))}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => onChange(noLayout)}>
        Reset to Gradio&apos;s order
      </button>
    </Modal>
  );
}

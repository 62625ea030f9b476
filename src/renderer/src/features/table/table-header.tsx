// Column titles; a click sorts by the column, a second click reverses.
import type { SampleSort } from '../../../../shared/api';
import type { TableColumn } from './columns';

interface Props {
  columns: TableColumn[];
  template: string;
  sort: SampleSort | undefined;
  onSort: (sort: SampleSort | undefined) => void;
}

export function TableHeader({ columns, template, sort, onSort }: Props): React.JSX.Element {
  const click = (by: string): void => {
    if (sort?.by !== by) onSort({ by, dir: 'asc' });
    else if (sort.dir === 'asc') onSort({ by, dir: 'desc' });
    else onSort(undefined);
  };
  return (
    <div className="table-header" role="row" style={{ gridTemplateColumns: template }}>
      {columns.map((c) => {
        const active = c.sortBy !== '' && sort?.by === c.sortBy;
        return (
          <button
            type="button"
            role="columnheader"
            key={`${c.type}:${c.id}`}
            data-column={c.type === 'data' ? c.id : undefined}
            className={`th${active ? ' sorted' : ''}`}
            onClick={() => c.sortBy !== '' && click(c.sortBy)}
            title={c.sortBy === '' ? `${c.title} (filter it above; not sortable)` : `Sort by ${c.title}`}
            aria-sort={active ? (sort?.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <span>{c.title}</span>
            {c.type === 'data' && <span className="kind">{c.kind}</span>}
            {active && <span className="arrow">{sort?.dir === 'asc' ? '▲' : '▼'}</span>}
          </button>
        );
      })}
    </div>
  );
}

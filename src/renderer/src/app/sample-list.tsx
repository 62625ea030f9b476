// The list area of the review screen: the table or the grid, what shows when nothing does, and the
// "N new" button.
import { EmptyState } from '../components/empty-state';
import { SampleGrid } from '../features/grid/sample-grid';
import { NewRowsButton } from '../features/live/new-rows-button';
import { SampleTable } from '../features/table/sample-table';
import type { WorkbenchState } from './use-workbench';

export function SampleList({ state }: { state: WorkbenchState }): React.JSX.Element {
  const { rows, cursor, selection, onRowClick, onOpen } = state;
  return (
    <section className="list-area">
      {rows.total === 0 && rows.loading ? (
        <EmptyState title="Reading the logs…" />
      ) : rows.total === 0 ? (
        <EmptyState title="No samples match">
          {Object.keys(state.filter).length > 0
            ? 'Loosen or clear the filters above.'
            : 'These logs have no flagged rows yet. Flag something in the Gradio app: it appears here live.'}
        </EmptyState>
      ) : state.view === 'table' ? (
        <SampleTable
          rows={rows}
          columns={state.columns}
          index={state.index}
          current={cursor.current}
          selection={selection}
          sort={state.sort}
          onSort={state.setSort}
          onRowClick={onRowClick}
          onOpen={onOpen}
          scrollRequest={cursor.scrollRequest}
        />
      ) : (
        <SampleGrid
          rows={rows}
          current={cursor.current}
          selection={selection}
          onRowClick={onRowClick}
          onOpen={onOpen}
          scrollRequest={cursor.scrollRequest}
        />
      )}
      <NewRowsButton count={rows.newRows} onClick={state.jumpToNew} />
    </section>
  );
}

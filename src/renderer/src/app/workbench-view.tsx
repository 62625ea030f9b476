// The review screen: header, filters, the table or grid, the detail pane, review progress.
// Its state lives in use-workbench.ts; the list area and the dialogs have files of their own.
import { DetailPane } from '../features/detail/detail-pane';
import { FiltersBar } from '../features/filters/filters-bar';
import { BulkBar } from '../features/review/bulk-bar';
import { FacetsBar } from '../features/review/facets-bar';
import { ReviewPanel } from '../features/review/review-panel';
import type { Workspace } from '../features/workspace/use-workspace';
import { AppHeader } from './app-header';
import { SampleList } from './sample-list';
import { useWorkbench } from './use-workbench';
import { useWorkbenchMenu } from './use-workbench-menu';
import { WorkbenchOverlays } from './workbench-overlays';

interface Props {
  workspace: Workspace;
  /** A short notice from the app (a menu item nothing here can do). */
  notice?: string | null;
}

export function WorkbenchView({ workspace, notice = null }: Props): React.JSX.Element {
  const { folders } = workspace;
  const state = useWorkbench(workspace);
  useWorkbenchMenu(state, workspace);
  const { rows, review, row, options, selection, selected, setOverlay } = state;

  return (
    <div className={`workbench${state.wide ? ' wide' : ''}`}>
      <AppHeader
        workspace={workspace}
        view={state.view}
        onView={state.setView}
        onOpen={() => setOverlay('open')}
        onSettings={() => setOverlay('settings')}
        onExport={() => setOverlay('export')}
        onReplay={() => setOverlay('replay')}
        onHelp={() => setOverlay('help')}
        message={notice ?? review.message ?? rows.error}
      />
      <FiltersBar
        filter={state.filter}
        onChange={state.changeFilter}
        folders={folders}
        facets={state.facets.all}
        reasonChoices={options}
        matching={rows.total}
        searchRef={state.searchRef}
      />
      {selected > 1 || selection.kind === 'filter' ? (
        <BulkBar
          count={selected}
          matching={rows.total}
          allMatching={selection.kind === 'filter'}
          folders={state.selectionOptions}
          onEdit={review.edit}
          onSelectAll={state.selectAll}
          onClear={state.clearSelection}
        />
      ) : null}
      <main className="workbench-main">
        <SampleList state={state} />
        <DetailPane
          row={row}
          folders={folders}
          review={
            row && (
              <ReviewPanel
                key={`${row.folderId}\u0000${row.id}\u0000${row.review.note}`}
                row={row}
                options={options}
                noteRef={state.noteRef}
                onEdit={review.edit}
              />
            )
          }
        />
      </main>
      <FacetsBar facets={state.facets} />
      <WorkbenchOverlays state={state} workspace={workspace} />
    </div>
  );
}

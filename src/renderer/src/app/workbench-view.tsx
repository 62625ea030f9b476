// The review screen: header, filters, the table or grid, the detail pane, review progress.
// Its state lives in use-workbench.ts; the list area and the dialogs have files of their own.
import { DetailPane } from '../features/detail/detail-pane';
import { FiltersBar } from '../features/filters/filters-bar';
import { SavedViewsBar } from '../features/filters/saved-views-bar';
import { BulkBar } from '../features/review/bulk-bar';
import { FacetsBar } from '../features/review/facets-bar';
import { ReviewPanel } from '../features/review/review-panel';
import { SampleHistory } from '../features/review/sample-history';
import { FolderProgressList } from '../features/workspace/folder-progress-list';
import { useFolderProgress } from '../features/workspace/use-folder-progress';
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
  const folderProgress = useFolderProgress(folders);
  const { rows, review, row, options, selection, selected, setOverlay } = state;

  return (
    <div className={`workbench${state.wide ? ' wide' : ''}`}>
      <AppHeader
        workspace={workspace}
        folderProgress={folderProgress}
        view={state.view}
        onView={state.setView}
        onOpen={() => setOverlay('open')}
        onSettings={() => setOverlay('settings')}
        onExport={() => setOverlay('export')}
        onColumns={() => setOverlay('columns')}
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
        replayRuns={state.replayRuns}
        views={
          <SavedViewsBar
            filter={state.filter}
            sort={state.sort}
            openPaths={folders.map((f) => f.path)}
            shownPaths={state.columnScope.split('\n')}
            onApply={(view) => {
              state.changeFilter(view.filter);
              state.setSort(view.sort);
            }}
          />
        }
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
              <>
                <ReviewPanel
                  key={`${row.folderId}\u0000${row.id}\u0000${row.review.note}`}
                  row={row}
                  options={options}
                  noteRef={state.noteRef}
                  onEdit={review.edit}
                />
                <SampleHistory row={row} onUndo={(patch, what) => review.editSample(row, patch, what)} />
              </>
            )
          }
        />
      </main>
      <FacetsBar facets={state.facets}>
        <FolderProgressList folders={folders} progress={folderProgress} />
      </FacetsBar>
      <WorkbenchOverlays state={state} workspace={workspace} />
    </div>
  );
}

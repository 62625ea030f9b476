// The review screen: header, filters, the table or grid, the detail pane, review progress.
import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { SampleFilter, SampleSort } from '../../../shared/api';
import { Modal } from '../components/Modal';
import { EmptyState } from '../components/EmptyState';
import { DetailPane } from '../features/detail/DetailPane';
import { FiltersBar } from '../features/filters/FiltersBar';
import { SampleGrid } from '../features/grid/SampleGrid';
import { NewRowsButton } from '../features/live/NewRowsButton';
import { BulkBar } from '../features/review/BulkBar';
import { FacetsBar } from '../features/review/FacetsBar';
import { activeOptions } from '../features/review/flag-options';
import { OptionsPanel } from '../features/review/OptionsPanel';
import { ReviewPanel } from '../features/review/ReviewPanel';
import {
  extendTo,
  noSelection,
  selectionSize,
  toggleRow,
  type Selection,
} from '../features/review/selection';
import { useFacets } from '../features/review/use-facets';
import { useFlagOptions } from '../features/review/use-flag-options';
import { useReviewActions } from '../features/review/use-review-actions';
import { ShortcutHelp } from '../features/shortcuts/ShortcutHelp';
import { useShortcuts } from '../features/shortcuts/use-shortcuts';
import { cellIndex, tableColumns } from '../features/table/columns';
import { SampleTable } from '../features/table/SampleTable';
import { usePagedRows } from '../features/table/use-paged-rows';
import { OpenPanel } from '../features/workspace/OpenPanel';
import type { Workspace } from '../features/workspace/use-workspace';
import { useStableCallback } from '../components/use-stable-callback';
import { useMenuCommand } from '../common/menu-commands';
import { HubTokenSettings } from '../features/settings/HubTokenSettings';
import { AppHeader } from './AppHeader';
import { handleAction } from './use-action-handler';
import { useCursor } from './use-cursor';

type Overlay = 'help' | 'settings' | 'open' | null;

interface Props {
  workspace: Workspace;
  /** A short notice from the app (a menu item nothing here can do). */
  notice?: string | null;
}

export function WorkbenchView({ workspace, notice = null }: Props): React.JSX.Element {
  const { folders } = workspace;
  const [filter, setFilter] = useState<SampleFilter>({});
  const [sort, setSort] = useState<SampleSort>();
  const [view, setView] = useState<'table' | 'grid'>('table');
  const [wide, setWide] = useState(false);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [selection, setSelection] = useState<Selection>(noSelection);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const query = useMemo(() => ({ filter, sort }), [filter, sort]);
  const scope = folders.map((f) => f.id).join('\u0000');
  const rows = usePagedRows(filter, sort, scope, true);
  const cursor = useCursor(rows, query);
  const facets = useFacets(filter, scope, true);
  const row = cursor.row;
  const optionsState = useFlagOptions(row?.folderId ?? folders[0]?.id);
  const options = activeOptions(optionsState.options);
  const { refresh: refreshRows } = rows;
  const { refresh: refreshFacets } = facets;
  const onSaved = useCallback(() => {
    refreshRows();
    refreshFacets();
  }, [refreshRows, refreshFacets]);
  const review = useReviewActions(selection, row, filter, onSaved);
  const columns = useMemo(() => tableColumns(folders, filter), [folders, filter]);
  const index = useMemo(() => cellIndex(folders), [folders]);

  const changeFilter = (next: SampleFilter): void => {
    setFilter(next);
    setSelection(noSelection);
  };
  const workbench = {
    rows,
    cursor,
    review,
    options,
    hasSelection: selection.kind !== 'none',
    focusNote: () => noteRef.current?.focus(),
    focusSearch: () => searchRef.current?.focus(),
    toggleView: () => setView((v) => (v === 'table' ? 'grid' : 'table')),
    toggleWide: () => setWide((w) => !w),
    openSettings: () => setOverlay('settings'),
    openHelp: () => setOverlay('help'),
    selectAll: () => setSelection({ kind: 'filter' }),
    clearSelection: () => setSelection(noSelection),
  };
  useShortcuts((action) => overlay === null && handleAction(action, workbench));
  useMenuCommand('undo', () => void review.undo());
  useMenuCommand('redo', () => void review.redo());
  useMenuCommand('settings', () => setOverlay('settings'));
  useMenuCommand('openFolder', () => {
    setOverlay('open');
    void workspace.pick();
  });
  // A recent folder that fails to open shows the open panel, with the reason and other ways in.
  useMenuCommand('openRecent', (path) => {
    if (path) void workspace.open([path]).then((error) => error && setOverlay('open'));
  });

  const onRowClick = useStableCallback((offset: number, e: MouseEvent): void => {
    const ref = rows.rowAt(offset);
    if (!ref) return;
    if (e.shiftKey) setSelection((s) => extendTo(s, offset, Math.max(cursor.current, 0), rows.rowAt));
    else if (e.ctrlKey || e.metaKey) setSelection((s) => toggleRow(s, ref, offset));
    else setSelection(noSelection);
    cursor.moveTo(offset, false);
  });
  const onOpen = useStableCallback((offset: number): void => {
    cursor.moveTo(offset, false);
    setWide(true);
  });
  const jumpToNew = (): void => {
    void rows.findFrom(cursor.current + 1, rows.isNew).then((at) => {
      cursor.moveTo(at >= 0 ? at : rows.total - 1, true);
      rows.acknowledgeNew();
    });
  };
  const folderName = folders.find((f) => f.id === (row?.folderId ?? folders[0]?.id))?.name ?? '';
  const selected = selectionSize(selection, rows.total);

  return (
    <div className={`workbench${wide ? ' wide' : ''}`}>
      <AppHeader
        workspace={workspace}
        view={view}
        onView={setView}
        onOpen={() => setOverlay('open')}
        onSettings={() => setOverlay('settings')}
        onHelp={() => setOverlay('help')}
        message={notice ?? review.message ?? rows.error}
      />
      <FiltersBar
        filter={filter}
        onChange={changeFilter}
        folders={folders}
        facets={facets.all}
        reasonChoices={options}
        matching={rows.total}
        searchRef={searchRef}
      />
      {selected > 1 || selection.kind === 'filter' ? (
        <BulkBar
          count={selected}
          matching={rows.total}
          allMatching={selection.kind === 'filter'}
          options={options}
          onEdit={review.edit}
          onSelectAll={workbench.selectAll}
          onClear={workbench.clearSelection}
        />
      ) : null}
      <main className="workbench-main">
        <section className="list-area">
          {rows.total === 0 && rows.loading ? (
            <EmptyState title="Reading the logs…" />
          ) : rows.total === 0 ? (
            <EmptyState title="No samples match">
              {Object.keys(filter).length > 0
                ? 'Loosen or clear the filters above.'
                : 'These logs have no flagged rows yet. Flag something in the Gradio app: it appears here live.'}
            </EmptyState>
          ) : view === 'table' ? (
            <SampleTable
              rows={rows}
              columns={columns}
              index={index}
              current={cursor.current}
              selection={selection}
              sort={sort}
              onSort={setSort}
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
          <NewRowsButton count={rows.newRows} onClick={jumpToNew} />
        </section>
        <DetailPane
          row={row}
          folders={folders}
          review={
            row && (
              <ReviewPanel
                key={`${row.folderId}\u0000${row.id}\u0000${row.review.note}`}
                row={row}
                options={options}
                noteRef={noteRef}
                onEdit={review.edit}
              />
            )
          }
        />
      </main>
      <FacetsBar facets={facets} />
      {overlay === 'help' && <ShortcutHelp onClose={() => setOverlay(null)} />}
      {overlay === 'settings' && (
        <Modal title="Settings" onClose={() => setOverlay(null)} testId="settings">
          <h3>Flag options</h3>
          <OptionsPanel state={optionsState} folderName={folderName} />
          <HubTokenSettings />
        </Modal>
      )}
      {overlay === 'open' && (
        <Modal title="Open folders" onClose={() => setOverlay(null)}>
          <OpenPanel workspace={workspace} onDone={() => setOverlay(null)} />
        </Modal>
      )}
    </div>
  );
}

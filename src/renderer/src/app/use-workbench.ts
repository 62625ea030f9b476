// The review screen's state: filter, sort, view, selection, the paged rows and the cursor over them,
// facets, flag options and review actions, and what the keyboard and the mouse do with them.
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { SampleFilter, SampleSort } from '../../../shared/api';
import { folderLabels } from '../common/folder-labels';
import {
  extendTo,
  noSelection,
  selectionFolders,
  selectionSize,
  toggleRow,
  type Selection,
} from '../common/selection';
import { usePagedRows } from '../common/use-paged-rows';
import { useReplayRuns } from '../common/use-replay-runs';
import { useStableCallback } from '../components/use-stable-callback';
import { activeOptions } from '../features/review/flag-options';
import { useFacets } from '../features/review/use-facets';
import { useAutoAdvance } from '../features/review/use-auto-advance';
import { useFlagOptions } from '../features/review/use-flag-options';
import { useFoldersOptions } from '../features/review/use-folders-options';
import { useReviewActions } from '../features/review/use-review-actions';
import { useShortcuts } from '../features/shortcuts/use-shortcuts';
import { visibleColumns } from '../features/table/column-layout';
import { cellIndex, tableColumns } from '../features/table/columns';
import { layoutKey, useColumnLayout } from '../features/table/use-column-layout';
import type { Workspace } from '../features/workspace/use-workspace';
import { handleAction } from './use-action-handler';
import { useCursor } from './use-cursor';
import { initialUrlState, useUrlState } from './use-url-state';

export type Overlay = 'help' | 'settings' | 'open' | 'export' | 'columns' | 'replay' | null;

export function useWorkbench({ folders }: Workspace) {
  const [filter, setFilter] = useState<SampleFilter>(() => initialUrlState().filter);
  const [sort, setSort] = useState<SampleSort | undefined>(() => initialUrlState().sort);
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
  useUrlState(filter, sort, row, rows, cursor);
  const optionsState = useFlagOptions(row?.folderId ?? folders[0]?.id);
  const options = activeOptions(optionsState.options);
  const { refresh: refreshRows } = rows;
  const { refresh: refreshFacets } = facets;
  const onSaved = useCallback(() => {
    refreshRows();
    refreshFacets();
  }, [refreshRows, refreshFacets]);
  const review = useReviewActions(selection, row, filter, onSaved);
  const replayRuns = useReplayRuns(folders);
  // A run that progresses or ends changes the `replay` column and what its filter matches.
  useEffect(() => {
    if (replayRuns.version > 0) onSaved();
  }, [replayRuns.version, onSaved]);
  const autoAdvance = useAutoAdvance();
  const selectedFolders = useMemo(
    () =>
      selectionFolders(
        selection,
        filter,
        folders.map((f) => f.id),
      ),
    [selection, filter, folders],
  );
  const foldersOptions = useFoldersOptions(selectedFolders);
  const labels = useMemo(() => folderLabels(folders), [folders]);
  const selectionOptions = selectedFolders.map((id) => ({
    label: labels.get(id) ?? id,
    options: foldersOptions.get(id) ?? [],
  }));
  const replayed = replayRuns.runs.length > 0;
  const allColumns = useMemo(() => tableColumns(folders, filter, replayed), [folders, filter, replayed]);
  const columnScope = layoutKey(folders, filter);
  const columnLayout = useColumnLayout(columnScope);
  const columns = useMemo(
    () => visibleColumns(allColumns, columnLayout.layout),
    [allColumns, columnLayout.layout],
  );
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
    autoAdvance: autoAdvance.on,
    reasonByOption:
      selectedFolders.length > 1 || (selectedFolders.length === 1 && selectedFolders[0] !== row?.folderId),
    focusNote: () => noteRef.current?.focus(),
    focusSearch: () => searchRef.current?.focus(),
    toggleView: () => setView((v) => (v === 'table' ? 'grid' : 'table')),
    toggleWide: () => setWide((w) => !w),
    openSettings: () => setOverlay('settings'),
    openExport: () => setOverlay('export'),
    openHelp: () => setOverlay('help'),
    selectAll: () => setSelection({ kind: 'filter' }),
    clearSelection: () => setSelection(noSelection),
  };
  useShortcuts((action) => overlay === null && handleAction(action, workbench));

  const onRowClick = useStableCallback((offset: number, e: MouseEvent): void => {
    const ref = rows.rowAt(offset);
    if (!ref) return;
    if (e.shiftKey) setSelection((s) => extendTo(s, offset, Math.max(cursor.current, 0), rows.rowAt));
    else if (e.ctrlKey || e.metaKey)
      setSelection((s) =>
        toggleRow(s, ref, offset, cursor.current >= 0 ? rows.rowAt(cursor.current) : undefined),
      );
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
  // Most folders are called `flagged`: the options dialog names the folder by its path.
  const folderName = folders.find((f) => f.id === (row?.folderId ?? folders[0]?.id))?.path ?? '';
  const selected = selectionSize(selection, rows.total);

  return {
    ...workbench,
    filter,
    changeFilter,
    sort,
    setSort,
    view,
    setView,
    wide,
    overlay,
    setOverlay,
    selection,
    selected,
    noteRef,
    searchRef,
    facets,
    row,
    optionsState,
    columns,
    allColumns,
    columnLayout,
    columnScope,
    index,
    onRowClick,
    onOpen,
    jumpToNew,
    folderName,
    selectionOptions,
    autoAdvance,
    replayRuns: replayRuns.runs,
  };
}

export type WorkbenchState = ReturnType<typeof useWorkbench>;

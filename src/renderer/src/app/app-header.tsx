// The top bar: open folders, indexing progress, view switch, settings, help, and the status line.
import { FolderChips } from '../features/workspace/folder-chips';
import type { FolderProgress } from '../features/workspace/use-folder-progress';
import { IndexProgressBar } from '../features/workspace/index-progress-bar';
import { useIndexProgress } from '../features/workspace/use-index-progress';
import type { Workspace } from '../features/workspace/use-workspace';

interface Props {
  workspace: Workspace;
  /** Each folder's review progress (the chips show reviewed N/M). */
  folderProgress: ReadonlyMap<string, FolderProgress>;
  view: 'table' | 'grid';
  onView: (view: 'table' | 'grid') => void;
  onOpen: () => void;
  onSettings: () => void;
  onExport: () => void;
  onColumns: () => void;
  onReplay: () => void;
  onHelp: () => void;
  message: string | null;
}

export function AppHeader(props: Props): React.JSX.Element {
  const { workspace, view } = props;
  const progress = useIndexProgress(workspace.folders);
  return (
    <header className="app-header">
      <span className="brand">Flagdeck</span>
      <FolderChips
        folders={workspace.folders}
        progress={props.folderProgress}
        onClose={(id) => void workspace.close(id)}
      />
      <button type="button" onClick={props.onOpen}>
        + Open
      </button>
      <span
        className="status-line"
        role="status"
        data-testid="status-line"
        title={props.message ?? undefined}
      >
        {props.message}
      </span>
      <div className="segmented" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'table'} onClick={() => props.onView('table')}>
          Table
        </button>
        <button type="button" aria-pressed={view === 'grid'} onClick={() => props.onView('grid')}>
          Grid
        </button>
      </div>
      <button
        type="button"
        onClick={props.onColumns}
        disabled={view !== 'table'}
        title="Show, hide and reorder columns"
      >
        Columns
      </button>
      <button type="button" onClick={props.onExport} title="Export the selection (Shift+E)">
        Export
      </button>
      <button
        type="button"
        onClick={props.onReplay}
        title="Replay the flagged inputs against a live Gradio app"
      >
        Replay
      </button>
      <button type="button" onClick={props.onSettings} title="Flag options (s)">
        Options
      </button>
      <button
        type="button"
        onClick={props.onHelp}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
      >
        ?
      </button>
      <IndexProgressBar progress={progress} />
    </header>
  );
}

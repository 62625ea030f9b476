// Opening folders: a path field (serve mode), the system dialog (desktop), recent folders, and a
// drop zone. Shown as the empty state and from the header's "Open" button.
import { useState, type DragEvent, type FormEvent } from 'react';
import type { Workspace } from './use-workspace';
import { useApi } from '../../common/api-context';
import { droppedPaths } from './dropped-paths';

interface Props {
  workspace: Workspace;
  onDone?: () => void;
}

export function OpenPanel({ workspace, onDone }: Props): React.JSX.Element {
  const { capabilities, droppedFilePaths } = useApi();
  const [path, setPath] = useState('');
  const [dragging, setDragging] = useState(false);

  // The panel stays open when the folder was refused, so the message is read where it was typed.
  const open = async (paths: string[]): Promise<void> => {
    if ((await workspace.open(paths)) === null) onDone?.();
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const paths = path
      .split(/[\n;]/)
      .map((p) => p.trim())
      .filter(Boolean);
    void open(paths);
  };
  const drop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const native = droppedFilePaths(e.dataTransfer.files);
    void open(
      native.length > 0
        ? native
        : droppedPaths(e.dataTransfer.getData('text/uri-list'), e.dataTransfer.getData('text/plain')),
    );
  };

  return (
    <div
      className={`open-panel${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-testid="open-panel"
    >
      <h2>Open a Gradio flagging folder</h2>
      <p className="muted">
        The folder Gradio flags into: <code>flagged/</code>, <code>.gradio/flagged/</code>, or your{' '}
        <code>flagging_dir</code>. Drop it here{capabilities.pickFolder ? ', browse for it,' : ''} or type its
        path. Open several to review them together.
      </p>
      <form onSubmit={submit} className="open-form">
        <input
          aria-label="Folder path"
          placeholder="/path/to/flagged"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          autoFocus
        />
        <button type="submit" disabled={workspace.busy || !path.trim()}>
          Open
        </button>
        {capabilities.pickFolder && (
          <button type="button" onClick={() => void workspace.pick()} disabled={workspace.busy}>
            Browse…
          </button>
        )}
      </form>
      {workspace.error && (
        <p className="error" role="alert">
          {workspace.error}
        </p>
      )}
      {workspace.recent.length > 0 && (
        <div className="recent">
          <h3>Recent folders</h3>
          <ul>
            {workspace.recent.map((p) => (
              <li key={p}>
                <button type="button" className="link" onClick={() => void open([p])} title={p}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

// The app: the open-folder screen until a folder is open, then the review workbench.
import { EmptyState } from '../components/empty-state';
import { OpenPanel } from '../features/workspace/open-panel';
import { useWorkspace } from '../features/workspace/use-workspace';
import { WorkbenchView } from './workbench-view';

export function App(): React.JSX.Element {
  const workspace = useWorkspace();
  if (!workspace.loaded) return <EmptyState title="Connecting to Flagdeck…" />;
  if (workspace.folders.length === 0) {
    return (
      <div className="welcome">
        <h1 className="brand">Flagdeck</h1>
        <OpenPanel workspace={workspace} />
      </div>
    );
  }
  return <WorkbenchView workspace={workspace} />;
}

// The app: the open-folder screen until a folder is open, then the review workbench.
import { EmptyState } from '../components/EmptyState';
import { OpenPanel } from '../features/workspace/OpenPanel';
import { useWorkspace } from '../features/workspace/use-workspace';
import { WorkbenchView } from './WorkbenchView';

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

// The app: the open-folder screen until a folder is open, then the review workbench. Menu items
// nothing on screen answers, and folders dropped anywhere on the window, are handled here.
import { useEffect, useState } from 'react';
import { EmptyState } from '../components/empty-state';
import { Modal } from '../components/modal';
import { HubTokenSettings } from '../features/settings/hub-token-settings';
import { OpenPanel } from '../features/workspace/open-panel';
import { useWorkspace } from '../features/workspace/use-workspace';
import { useMenuCommand } from '../common/menu-commands';
import { useMenuCommandEvents } from './use-menu-command-events';
import { useWindowDrop } from './use-window-drop';
import { WorkbenchView } from './workbench-view';

export function App(): React.JSX.Element {
  const workspace = useWorkspace();
  const [notice, setNotice] = useState<string | null>(null);
  useMenuCommandEvents(setNotice, () => setNotice(null));
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);
  useMenuCommand('openFolder', () => void workspace.pick());
  useMenuCommand('openRecent', (path) => path && void workspace.open([path]));
  // With no folder open, Settings has only the Hub token (the workbench adds the flag options).
  const [settings, setSettings] = useState(false);
  useMenuCommand('settings', () => setSettings(true));
  useWindowDrop(async (paths) => setNotice(await workspace.open(paths)));
  if (!workspace.loaded) return <EmptyState title="Connecting to Flagdeck…" />;
  if (workspace.folders.length === 0) {
    return (
      <div className="welcome">
        <h1 className="brand">Flagdeck</h1>
        <OpenPanel workspace={workspace} />
        {notice && (
          <p className="muted" role="status">
            {notice}
          </p>
        )}
        {settings && (
          <Modal title="Settings" onClose={() => setSettings(false)} testId="settings">
            <HubTokenSettings />
          </Modal>
        )}
      </div>
    );
  }
  return <WorkbenchView workspace={workspace} notice={notice} />;
}

// What the desktop menus do on the review screen: undo and redo the review, show the settings or
// the Export dialog, open folders (a recent folder that fails to open shows the open panel with the reason).
import { useMenuCommand } from '../common/menu-commands';
import type { Workspace } from '../features/workspace/use-workspace';
import type { WorkbenchState } from './use-workbench';

export function useWorkbenchMenu({ review, setOverlay }: WorkbenchState, workspace: Workspace): void {
  useMenuCommand('undo', () => void review.undo());
  useMenuCommand('redo', () => void review.redo());
  useMenuCommand('settings', () => setOverlay('settings'));
  useMenuCommand('export', () => setOverlay('export'));
  useMenuCommand('openFolder', () => {
    setOverlay('open');
    void workspace.pick();
  });
  useMenuCommand('openRecent', (path) => {
    if (path) void workspace.open([path]).then((error) => error && setOverlay('open'));
  });
}

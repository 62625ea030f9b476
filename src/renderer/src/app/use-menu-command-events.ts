// Routes the desktop menu's `menuCommand` events to whatever registered for them
// (common/menu-commands.ts), and says so when nothing on screen can do what was asked.
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/api';
import { runMenuCommand } from '../common/menu-commands';
import { useApi } from '../common/api-context';

// TODO(hub): the push dialog (branch `hub`) registers `useMenuCommand('push', …)`
// (common/menu-commands.ts) while it can be opened; until then File → Push to Hub… says it is not
// available. Export is answered by the review screen (use-workbench-menu.ts).
const unavailable: Record<MenuCommand, string> = {
  openFolder: 'Opening a folder is not possible here',
  openRecent: 'Opening a folder is not possible here',
  export: 'Open a folder first: there is nothing to export',
  push: 'Push to Hub is not available in this version yet',
  undo: 'Open a folder first: there is nothing to undo',
  redo: 'Open a folder first: there is nothing to redo',
  settings: 'Settings are not available here',
};

export function useMenuCommandEvents(onUnhandled: (message: string) => void, onHandled: () => void): void {
  const { client } = useApi();
  const latest = useRef({ onUnhandled, onHandled });
  useEffect(() => {
    latest.current = { onUnhandled, onHandled };
  });
  useEffect(
    () =>
      client.on('menuCommand', ({ command, path }) => {
        if (runMenuCommand(command, path)) latest.current.onHandled();
        else latest.current.onUnhandled(unavailable[command]);
      }),
    [client],
  );
}

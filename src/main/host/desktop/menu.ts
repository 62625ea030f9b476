// The native menus. Every item that acts on the review is sent to the window as a `menuCommand`
// event, so the renderer runs it through the same code as its buttons and keys (and shows any
// error where the user is looking).
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../../shared/api';

export type SendCommand = (command: MenuCommand, path?: string) => void;

export interface MenuOptions {
  recent: string[];
  send: SendCommand;
  platform: NodeJS.Platform;
  /** Developer tools and reload, for unpackaged runs only. */
  developer: boolean;
}

function recentItems({ recent, send }: MenuOptions): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent folders', enabled: false }];
  return recent.map((path) => ({
    label: `${basename(path)} — ${path}`,
    click: () => send('openRecent', path),
  }));
}

function fileMenu(options: MenuOptions): MenuItemConstructorOptions {
  const { send, platform } = options;
  return {
    label: 'File',
    submenu: [
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => send('openFolder') },
      { label: 'Open Recent', submenu: recentItems(options) },
      { type: 'separator' },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
      { label: 'Push to Hub…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send('push') },
      { type: 'separator' },
      { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function editMenu({ send }: MenuOptions): MenuItemConstructorOptions {
  // Undo and redo are the review's (a relabel, a bulk edit). Their keys are left to the page, which
  // undoes text in a text field and the review elsewhere; the menu items undo the review.
  return {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
      {
        label: 'Redo',
        accelerator: 'CmdOrCtrl+Shift+Z',
        registerAccelerator: false,
        click: () => send('redo'),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
    ],
  };
}

function viewMenu({ developer }: MenuOptions): MenuItemConstructorOptions {
  const tools: MenuItemConstructorOptions[] = developer
    ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: 'View',
    submenu: [
      ...tools,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    fileMenu(options),
    editMenu(options),
    viewMenu(options),
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}

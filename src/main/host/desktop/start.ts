// The desktop app's lifecycle: one instance (a second launch hands its folders to the first), the
// app composed with the desktop host's services, IPC, media, menus and the window. With no folder
// on the command line and none opened before, the bundled sample folder opens.
import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import type { MenuCommand } from '../../../shared/api';
import { createApp, type App } from '../../app/compose';
import { bundledFolder } from '../../app/paths';
import { createServices } from '../../app/services';
import { desktopServices } from './dialogs';
import { forwardEvents, registerCalls, sendToWindow } from './ipc';
import { foldersFromArgv } from './launch-args';
import { registerMediaScheme, serveMedia } from './media';
import { installMenu } from './menu';
import { appUrl, createWindow, focusWindow } from './window';

/** The sample folder ships beside the app when packaged, in the source tree otherwise. */
function bundledSample(): string {
  return app.isPackaged ? join(process.resourcesPath, 'sample') : bundledFolder();
}

function sendCommand(command: MenuCommand, path?: string): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (window) sendToWindow(window, 'menuCommand', { command, path });
}

async function refreshMenu(flagdeck: App): Promise<void> {
  const { paths } = await flagdeck.handlers['workspace.recent']({});
  installMenu({ recent: paths, send: sendCommand, platform: process.platform, developer: !app.isPackaged });
}

async function openFolders(flagdeck: App, folders: string[]): Promise<void> {
  try {
    await flagdeck.open(folders);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    await dialog.showMessageBox({ type: 'error', message: `Could not open ${folders.join(', ')}`, detail });
  }
}

async function launch(folders: string[]): Promise<App> {
  const dataDir = app.getPath('userData');
  const host = desktopServices(dataDir);
  const flagdeck = await createApp({
    dataDir,
    host,
    services: createServices,
    readKeychainToken: host.hubToken?.read,
    log: (message) => console.error(message),
  });
  registerCalls(flagdeck, appUrl);
  forwardEvents(flagdeck);
  serveMedia(flagdeck.media);
  // No camera, microphone, notifications or anything else a page could ask for.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  if (folders.length > 0) await openFolders(flagdeck, folders);
  else await flagdeck.openOnFirstRun(bundledSample());
  await refreshMenu(flagdeck);
  flagdeck.events.subscribe((event) => {
    if (event === 'workspaceChanged') void refreshMenu(flagdeck);
  });
  createWindow();
  return flagdeck;
}

export function startDesktopApp(): void {
  // Another data folder (tests, a second profile) is another app instance: set before the lock.
  if (process.env.FLAGDECK_USER_DATA) app.setPath('userData', process.env.FLAGDECK_USER_DATA);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerMediaScheme();
  const ready = app
    .whenReady()
    .then(() => launch(foldersFromArgv(process.argv, app.isPackaged, process.cwd())));
  ready.catch((error: unknown) => {
    dialog.showErrorBox('Flagdeck could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
  const openLater = (folders: string[]): void => {
    void ready.then(async (flagdeck) => {
      focusWindow();
      if (folders.length > 0) await openFolders(flagdeck, folders);
    });
  };
  app.on('second-instance', (_event, argv, workingDirectory) =>
    openLater(foldersFromArgv(argv, app.isPackaged, workingDirectory)),
  );
  // macOS: a folder dropped on the dock icon.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openLater([path]);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void ready.then(() => createWindow());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void ready.then((flagdeck) => flagdeck.close());
  });
}

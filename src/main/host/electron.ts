// The Electron host: the only module that imports `electron`. It wires the shared app (handlers,
// events, media) to IPC, to a privileged `flagdeck-media://` protocol and to native dialogs.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
} from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CallResult } from '../../shared/api';
import { createApp, type App } from '../app/compose';
import { createServices } from '../app/services';
import { desktopMediaUrl, type HostServices } from '../app/host-services';
import { sampleFolder } from '../app/paths';
import { channels } from '../../shared/channels';
import { answerMediaRequest, mediaScheme } from './media-protocol';
import { isTrustedFrameUrl } from './trusted-sender';

// Must happen before `ready`: media elements need streaming and ranges, wavesurfer needs fetch.
protocol.registerSchemesAsPrivileged([
  {
    scheme: mediaScheme,
    privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true },
  },
]);

const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Flagdeck',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The window shows our page and nothing else: links open in the browser, navigation is refused.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedFrameUrl(url, appUrl)) event.preventDefault();
  });
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(rendererFile);
  return window;
}

const desktopServices: HostServices = {
  async pickFolder() {
    const focused = BrowserWindow.getFocusedWindow();
    const options: OpenDialogOptions = {
      title: 'Open a Gradio flagging folder',
      properties: ['openDirectory', 'multiSelections'],
    };
    const result = focused
      ? await dialog.showOpenDialog(focused, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  },
  async reveal(path) {
    shell.showItemInFolder(path);
  },
  mediaUrl: desktopMediaUrl,
};

function untrusted(): CallResult {
  return {
    ok: false,
    error: { code: 'unavailable', message: 'calls are only answered for the Flagdeck window', issues: [] },
  };
}

function wire(flagdeck: App): void {
  ipcMain.handle(channels.call, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedFrameUrl(frameUrl, appUrl)) return untrusted();
    return flagdeck.dispatch(String(name), input);
  });
  flagdeck.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(channels.event, event, payload);
    }
  });
  protocol.handle(mediaScheme, async (request) => {
    const response = await answerMediaRequest(request, flagdeck.media);
    // The page is a file:// document (origin "null"); only our own windows can reach this scheme.
    response.headers.set('Access-Control-Allow-Origin', '*');
    return response;
  });
  // No camera, microphone, notifications or anything else a page could ask for.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

/** The sample folder ships beside the app when packaged, in the source tree otherwise. */
function bundledSample(): string {
  return app.isPackaged ? join(process.resourcesPath, 'sample') : sampleFolder();
}

export function startDesktopApp(): void {
  let flagdeck: App | undefined;
  void app.whenReady().then(async () => {
    flagdeck = await createApp({
      dataDir: app.getPath('userData'),
      host: desktopServices,
      services: createServices,
      log: (message) => console.error(message),
    });
    wire(flagdeck);
    await flagdeck.openOnFirstRun(bundledSample());
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void flagdeck?.close();
  });
}

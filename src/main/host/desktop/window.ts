// The app's window: sandboxed and isolated, showing our own page and nothing else. Links to the
// web open in the user's browser (https only); any other navigation or new window is refused.
import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isTrustedFrameUrl } from '../trusted-sender';

const rendererFile = join(import.meta.dirname, '../renderer/index.html');

/** The page the window shows: the dev server under `electron-vite dev`, else the built file. */
export const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;

export function windowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    show: false,
    title: 'Flagdeck',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Opens `url` in the system browser when it is an https link; never in our window. */
export function openExternally(url: string): void {
  if (/^https:\/\//i.test(url)) void shell.openExternal(url);
}

export function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions());
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (isTrustedFrameUrl(url, appUrl)) return;
    event.preventDefault();
    openExternally(url);
  });
  // A dropped folder must never replace the page; the renderer reads drops itself.
  window.webContents.on('will-redirect', (event, url) => {
    if (!isTrustedFrameUrl(url, appUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(rendererFile);
  return window;
}

/** Brings the app's window to the front (a second launch, a reopened dock icon). */
export function focusWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

// The one API client of the renderer. It picks the transport once (Electron IPC when the preload
// is present, else HTTP + WebSocket); nothing else in the renderer knows which host it runs under.
import type { ApiClient } from '../../../shared/api';
import { createIpcClient } from './ipc';
import type { MediaOptions } from '../../../shared/media-url';
import { ipcMediaUrl, webMediaUrl, type MediaUrlBuilder } from './media';
import { randomTabId, tabId, takeToken } from './token';
import { createWebClient } from './web';

export interface Capabilities {
  /** A native folder dialog exists (`workspace.pickFolder`); otherwise offer a path field. */
  pickFolder: boolean;
  /** Files can be shown in the system file manager (`file.reveal`). */
  reveal: boolean;
}

interface Connection {
  client: ApiClient;
  mediaUrl: MediaUrlBuilder;
  capabilities: Capabilities;
}

let connection: Connection | null = null;

function connect(): Connection {
  if (window.flagdeck) {
    return {
      client: createIpcClient(window.flagdeck),
      mediaUrl: ipcMediaUrl,
      capabilities: { pickFolder: true, reveal: true },
    };
  }
  const token = takeToken(window.location, window.sessionStorage, window.history);
  const origin = window.location.origin;
  return {
    client: createWebClient({ origin, token, tabId: tabId(window.sessionStorage, randomTabId) }),
    mediaUrl: webMediaUrl(origin, token),
    capabilities: { pickFolder: false, reveal: false },
  };
}

function current(): Connection {
  connection ??= connect();
  return connection;
}

/** The API, whatever the host: `api.call(name, input)` and `api.on(event, listener)`. */
export const api: ApiClient = {
  call: (name, input) => current().client.call(name, input),
  on: (event, listener) => current().client.on(event, listener),
};

/** A URL for `<img>`/`<audio>`/`<video>` showing a file of an open folder (or its thumbnail). */
export function mediaUrl(folderId: string, path: string, options: MediaOptions = {}): string {
  return current().mediaUrl(folderId, path, options);
}

/**
 * Paths of files or folders dropped on the window. Only the desktop host can name them (the browser
 * never reveals a dropped file's path); the serve UI reads `file://` URIs from the drop instead.
 */
export function droppedFilePaths(files: FileList): string[] {
  const bridge = window.flagdeck;
  if (!bridge) return [];
  return Array.from(files)
    .map((file) => bridge.pathForFile(file))
    .filter((path) => path !== '');
}

/** What the host can do beyond the API calls (for choosing UI, never for choosing transports). */
export function capabilities(): Capabilities {
  return current().capabilities;
}

export { ApiError } from './errors';

// Exposes the typed Flagdeck API to the renderer, and nothing else: `call` and `on`.
// Imports types only (besides electron): a sandboxed preload cannot load npm packages such as zod,
// so names and inputs are validated in the main process.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { CallResult } from '../shared/api';
import { channels } from '../shared/channels';
import type { FlagdeckBridge } from './index.d';

const bridge: FlagdeckBridge = {
  call: (name, input) => ipcRenderer.invoke(channels.call, String(name), input) as Promise<CallResult>,
  on: (event, listener) => {
    const relay = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(channels.event, relay);
    return () => {
      ipcRenderer.removeListener(channels.event, relay);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('flagdeck', bridge);

// Exposes the typed Flagdeck API to the renderer, and nothing else: `invoke` for the contract's
// calls, `on` for its events, and the path of a dropped folder. No Node, no `ipcRenderer`.
// A sandboxed preload cannot load npm packages such as zod: it checks names against the plain
// lists of contract-names.ts, and the main process validates every input with the schemas.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { CallResult } from '../shared/api';
import { callChannel, channels } from '../shared/channels';
import { callNames, eventNames } from '../shared/contract-names';
import type { FlagdeckBridge } from './index.d';

const knownCalls = new Set<string>(callNames);
const knownEvents = new Set<string>(eventNames);

const bridge: FlagdeckBridge = {
  invoke: (name, input) => {
    if (!knownCalls.has(name)) return Promise.reject(new Error(`unknown call "${String(name)}"`));
    return ipcRenderer.invoke(callChannel(name), input) as Promise<CallResult>;
  },
  on: (event, listener) => {
    if (!knownEvents.has(event)) throw new Error(`unknown event "${String(event)}"`);
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

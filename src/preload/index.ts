// Exposes the typed Flagdeck API to the renderer, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('flagdeck', {
  call: (name: string, input: unknown) => ipcRenderer.invoke('flagdeck:call', name, input),
});

// The contract over IPC: one `ipcMain.handle` per call, all answered by the app's dispatch (the
// table the web host uses too), and only for our own page. Events go to every window.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CallResult, EventName } from '../../../shared/api';
import { callNames } from '../../../shared/contract-names';
import { callChannel, channels } from '../../../shared/channels';
import { windowSession } from '../../../shared/tab-session';
import type { App } from '../../app/compose';
import { isTrustedFrameUrl } from '../trusted-sender';

function untrusted(): CallResult {
  return {
    ok: false,
    error: { code: 'unavailable', message: 'calls are only answered for the Flagdeck window', issues: [] },
  };
}

export function registerCalls(flagdeck: App, appUrl: string): void {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, input: unknown) => {
      // A frame that navigated away, or a subframe, has the preload too: it gets nothing.
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedFrameUrl(frameUrl, appUrl)) return untrusted();
      // Each window keeps its own undo history.
      return flagdeck.dispatch(name, input, { session: windowSession(event.sender.id) });
    });
  }
}

export function sendToWindow(window: BrowserWindow, event: EventName, payload: unknown): void {
  if (!window.isDestroyed()) window.webContents.send(channels.event, event, payload);
}

export function forwardEvents(flagdeck: App): void {
  flagdeck.wire.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) sendToWindow(window, event, payload);
  });
}

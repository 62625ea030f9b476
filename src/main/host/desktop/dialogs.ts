// What the desktop host adds to the app: the folder dialog, the file manager, media URLs, and the
// keychain-backed Hub token.
import { BrowserWindow, dialog, shell, type OpenDialogOptions } from 'electron';
import { join } from 'node:path';
import type { HostServices } from '../../app/host-services';
import { desktopMediaUrl } from '../../../shared/media-url';
import { createHubTokenStore } from '../../app/hub-token';
import { keychainCipher } from './hub-token';

export async function pickFolders(): Promise<string[]> {
  const focused = BrowserWindow.getFocusedWindow();
  const options: OpenDialogOptions = {
    title: 'Open a Gradio flagging folder',
    properties: ['openDirectory', 'multiSelections'],
  };
  const result = focused
    ? await dialog.showOpenDialog(focused, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export function desktopServices(dataDir: string): HostServices {
  return {
    pickFolder: pickFolders,
    async reveal(path) {
      shell.showItemInFolder(path);
    },
    mediaUrl: desktopMediaUrl,
    hubToken: createHubTokenStore(join(dataDir, 'hub-token.bin'), keychainCipher),
  };
}

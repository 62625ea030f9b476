// What differs between the hosts, handed to the app by each: dialogs, the file manager, and the
// token of media URLs (their form is src/shared/media-url.ts's).
import { webMediaPath, type MediaOptions } from '../../shared/media-url';
import { UnavailableError } from './dispatch';
import type { HubTokenStore } from './hub-token';

export interface HostServices {
  /** A native folder dialog; empty when cancelled. */
  pickFolder(): Promise<string[]>;
  /** Shows the file in the system file manager. */
  reveal(absolutePath: string): Promise<void>;
  /** The URL the renderer loads a folder's file (or its thumbnail) from. */
  mediaUrl(folderId: string, path: string, options?: MediaOptions): string;
  /** Where the Hub token is kept (the desktop app's keychain); absent in serve mode. */
  hubToken?: HubTokenStore;
}

/** `flagdeck serve`: no dialogs or file manager (the browser may be elsewhere); token-bearing URLs. */
export function webHostServices(token: string): HostServices {
  return {
    pickFolder: () =>
      Promise.reject(new UnavailableError('no folder dialog in serve mode: type the folder path instead')),
    reveal: () => Promise.reject(new UnavailableError('cannot open a file manager from serve mode')),
    mediaUrl: (folderId, path, options = {}) => webMediaPath(folderId, path, options, token),
  };
}

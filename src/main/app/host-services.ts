// What differs between the hosts, handed to the app by each: dialogs, the file manager, and the
// form of media URLs.
import { UnavailableError } from './dispatch';
import type { HubTokenStore } from './hub-token';

export interface HostServices {
  /** A native folder dialog; empty when cancelled. */
  pickFolder(): Promise<string[]>;
  /** Shows the file in the system file manager. */
  reveal(absolutePath: string): Promise<void>;
  /** The URL the renderer loads a folder's file (or its thumbnail) from. */
  mediaUrl(folderId: string, path: string, thumb?: number): string;
  /** Where the Hub token is kept (the desktop app's keychain); absent in serve mode. */
  hubToken?: HubTokenStore;
}

function encodedPath(folderId: string, path: string): string {
  return [folderId, ...path.split('/').filter((s) => s.length > 0)].map(encodeURIComponent).join('/');
}

/** `flagdeck serve`: no dialogs or file manager (the browser may be elsewhere); token-bearing URLs. */
export function webHostServices(token: string): HostServices {
  return {
    pickFolder: () =>
      Promise.reject(new UnavailableError('no folder dialog in serve mode: type the folder path instead')),
    reveal: () => Promise.reject(new UnavailableError('cannot open a file manager from serve mode')),
    mediaUrl: (folderId, path, thumb) => {
      const route = thumb ? 'thumb' : 'media';
      const query = new URLSearchParams(thumb ? { w: String(thumb), token } : { token });
      return `/${route}/${encodedPath(folderId, path)}?${query}`;
    },
  };
}

/** The desktop app's `flagdeck-media://` URLs (the protocol host/electron.ts registers). */
export function desktopMediaUrl(folderId: string, path: string, thumb?: number): string {
  return thumb
    ? `flagdeck-media://thumb/${encodedPath(folderId, path)}?w=${thumb}`
    : `flagdeck-media://media/${encodedPath(folderId, path)}`;
}

// URLs for a folder's media files and their thumbnails, under either host (their form is
// src/shared/media-url.ts's).
import { desktopMediaUrl, webMediaPath, type MediaOptions } from '../../../shared/media-url';

export type MediaUrlBuilder = (folderId: string, path: string, options?: MediaOptions) => string;

/** Desktop: the `flagdeck-media://` protocol the Electron host registers. */
export const ipcMediaUrl: MediaUrlBuilder = desktopMediaUrl;

/** Serve mode: authenticated routes on the page's own origin. */
export function webMediaUrl(origin: string, token: string | null): MediaUrlBuilder {
  return (folderId, path, options = {}) =>
    new URL(webMediaPath(folderId, path, options, token), origin).toString();
}

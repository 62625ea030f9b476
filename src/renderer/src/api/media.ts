// URLs for a folder's media files and their thumbnails, under either host.
export interface MediaOptions {
  /** Thumbnail width in CSS pixels; omit for the file itself. */
  thumb?: number;
}

export type MediaUrlBuilder = (folderId: string, path: string, options?: MediaOptions) => string;

function encodedPath(folderId: string, path: string): string {
  const segments = path.split('/').filter((s) => s.length > 0);
  return [folderId, ...segments].map(encodeURIComponent).join('/');
}

/** Desktop: the `flagdeck-media://` protocol the Electron host registers. */
export const ipcMediaUrl: MediaUrlBuilder = (folderId, path, options = {}) =>
  options.thumb
    ? `flagdeck-media://thumb/${encodedPath(folderId, path)}?w=${Math.round(options.thumb)}`
    : `flagdeck-media://media/${encodedPath(folderId, path)}`;

/** Serve mode: authenticated routes; the token rides along for `<img>`/`<audio>`, which send no headers. */
export function webMediaUrl(origin: string, token: string | null): MediaUrlBuilder {
  return (folderId, path, options = {}) => {
    const route = options.thumb ? 'thumb' : 'media';
    const url = new URL(`/${route}/${encodedPath(folderId, path)}`, origin);
    if (options.thumb) url.searchParams.set('w', String(Math.round(options.thumb)));
    if (token) url.searchParams.set('token', token);
    return url.toString();
  };
}

// The one form of media URLs, for the main process (the `media.url` call) and the renderer alike:
// `<route>/<folder id>/<path segments>` with each segment encoded, `w` for a thumbnail's width.

export interface MediaOptions {
  /** Width in CSS pixels of a server-made thumbnail; omit for the original file. */
  thumb?: number;
}

type MediaRoute = 'media' | 'thumb';

function encodedPath(folderId: string, path: string): string {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  return [folderId, ...segments].map(encodeURIComponent).join('/');
}

function routeOf(options: MediaOptions): MediaRoute {
  return options.thumb ? 'thumb' : 'media';
}

function query(options: MediaOptions, token: string | null): string {
  const params = new URLSearchParams();
  if (options.thumb) params.set('w', String(Math.round(options.thumb)));
  if (token) params.set('token', token);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Desktop: the `flagdeck-media://` protocol the Electron host registers. */
export function desktopMediaUrl(folderId: string, path: string, options: MediaOptions = {}): string {
  return `flagdeck-media://${routeOf(options)}/${encodedPath(folderId, path)}${query(options, null)}`;
}

/**
 * Serve mode: the authenticated `/media` and `/thumb` routes, relative to the server. The token
 * rides in the query because `<img>`/`<audio>` send no headers.
 */
export function webMediaPath(
  folderId: string,
  path: string,
  options: MediaOptions,
  token: string | null,
): string {
  return `/${routeOf(options)}/${encodedPath(folderId, path)}${query(options, token)}`;
}

// IPC calls are answered only for our own pages: a frame that navigated elsewhere (or an injected
// subframe) gets nothing, even though the preload is present there too.

/** Is `frameUrl` one of the app's own pages (the dev server, or the built `index.html`)? */
export function isTrustedFrameUrl(frameUrl: string, appUrl: string): boolean {
  let frame: URL;
  let app: URL;
  try {
    frame = new URL(frameUrl);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === app.pathname;
  return frame.origin === app.origin;
}

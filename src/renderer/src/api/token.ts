// The serve-mode access token: taken from the page URL (`?token=`) once, then kept for the tab in
// sessionStorage, and removed from the address bar so it is not bookmarked or shared by accident.
const storageKey = 'flagdeck.token';

export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(storageKey, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(storageKey);
}

// The serve-mode access token: taken from the page URL (`?token=`) once, then kept for the tab in
// sessionStorage, and removed from the address bar so it is not bookmarked or shared by accident.
const storageKey = 'flagdeck.token';
const tabKey = 'flagdeck.tab';

/**
 * This tab's id: made once and kept in sessionStorage (a reload keeps it, with its undo history;
 * another tab gets its own).
 */
/** 16 random bytes in hex (`crypto.randomUUID` needs a secure context; a LAN address is not one). */
export function randomTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function tabId(storage: Storage, make: () => string): string {
  const known = storage.getItem(tabKey);
  if (known) return known;
  const made = make();
  storage.setItem(tabKey, made);
  return made;
}

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

import { describe, expect, it } from 'vitest';
import { randomTabId, tabId, takeToken } from '../../../../src/renderer/src/api/token';

function page(href: string) {
  const store = new Map<string, string>();
  const replaced: string[] = [];
  const location = { href } as Location;
  const storage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
  } as Storage;
  const history = {
    state: null,
    replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url),
  } as unknown as History;
  return { location, storage, history, store, replaced };
}

describe('takeToken', () => {
  it('takes the token from the URL, keeps it for the tab and cleans the address bar', () => {
    const p = page('http://127.0.0.1:7870/?token=abc&x=1#grid');
    expect(takeToken(p.location, p.storage, p.history)).toBe('abc');
    expect(p.store.get('flagdeck.token')).toBe('abc');
    expect(p.replaced).toEqual(['/?x=1#grid']);
  });

  it('falls back to the stored token after a reload, and to null', () => {
    const p = page('http://127.0.0.1:7870/');
    expect(takeToken(p.location, p.storage, p.history)).toBeNull();
    p.store.set('flagdeck.token', 'kept');
    expect(takeToken(p.location, p.storage, p.history)).toBe('kept');
    expect(p.replaced).toEqual([]);
  });
});

describe('tabId', () => {
  it('makes an id once per tab and keeps it across reloads; another tab makes its own', () => {
    const first = page('http://127.0.0.1:7870/');
    const id = tabId(first.storage, randomTabId);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(tabId(first.storage, randomTabId)).toBe(id);
    const second = page('http://127.0.0.1:7870/');
    expect(tabId(second.storage, randomTabId)).not.toBe(id);
  });
});

// The desktop host with a stand-in `electron` module (no Electron binary on CI machines): window
// options and guards, one IPC handler per contract call with the sender check and the contract's
// validation, event fan-out, the media protocol, menus, single instance, the first-run sample.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calls } from '../../../../src/shared/api';
import type { ServiceContext } from '../../../../src/main/app/compose';
import { fakeHandlers } from '../doubles';
import { fake } from './fake-electron';

const opened: string[][] = [];
let context: ServiceContext | undefined;
const handled: Parameters<typeof fakeHandlers>[0] = [];

vi.mock('electron', async () => (await import('./fake-electron')).fake.electron);
vi.mock('../../../../src/main/app/services', () => ({
  createServices: async (serviceContext: ServiceContext) => {
    context = serviceContext;
    const handlers = fakeHandlers(handled);
    return {
      calls: {
        ...handlers,
        'workspace.recent': async () => ({ paths: opened.flat().reverse() }),
        'workspace.open': async ({ paths }: { paths: string[] }) => {
          opened.push(paths);
          return { revision: 1, folders: [] };
        },
      },
      folderOf: (id: string) =>
        id === 'f1' ? { root: join(fake.state.dataDir, 'flagged'), readOnly: false } : undefined,
      thumbDirOf: async (root: string) => join(root, '.flagdeck', 'thumbs'),
      close: async () => undefined,
    };
  },
}));

// The page as the host locates it (`../renderer/index.html` beside the host's folder).
const rendererPage = pathToFileURL(
  join(import.meta.dirname, '../../../../src/main/host/renderer/index.html'),
).href;
const fromPage = { senderFrame: { url: `${rendererPage}#/` }, sender: { id: 1 } };
const savedArgv = process.argv;

beforeAll(async () => {
  fake.state.dataDir = await mkdtemp(join(tmpdir(), 'flagdeck-electron-'));
  await mkdir(join(fake.state.dataDir, 'flagged'));
  await writeFile(join(fake.state.dataDir, 'flagged', 'a.wav'), 'RIFF....WAVE');
  await writeFile(join(fake.state.dataDir, 'secret.txt'), 'SECRET');
  await symlink(join(fake.state.dataDir, 'secret.txt'), join(fake.state.dataDir, 'flagged', 'link.txt'));
  process.argv = [process.execPath, '.'];
  const { startDesktopApp } = await import('../../../../src/main/host/desktop/start');
  startDesktopApp();
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
});

afterAll(async () => {
  process.argv = savedArgv;
  await rm(fake.state.dataDir, { recursive: true, force: true });
});

const call = (name: string, input: unknown, event: unknown = fromPage) =>
  fake.state.ipc.get(`flagdeck:call:${name}`)?.(event, input);

describe('desktop host: window', () => {
  it('opens a sandboxed, isolated window without Node, and the sample on first run', () => {
    expect(fake.state.windows[0].options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(opened[0][0]).toMatch(/sample$/);
  });

  it('refuses navigation away from the app and new windows; https links go to the browser', () => {
    const window = fake.state.windows[0];
    const navigate = (url: string) => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      window.events.get('will-navigate')?.(event, url);
      return event.prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${rendererPage}#/other`)).toBe(false);
    expect(window.openHandler?.({ url: 'https://huggingface.co/datasets/x' })).toEqual({ action: 'deny' });
    expect(window.openHandler?.({ url: 'http://plain.example/' })).toEqual({ action: 'deny' });
    expect(window.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.state.external).toEqual(['https://evil.example/', 'https://huggingface.co/datasets/x']);
  });
});

describe('desktop host: IPC', () => {
  it('registers one handler for every call of the contract, and nothing else', () => {
    expect([...fake.state.ipc.keys()].sort()).toEqual(
      Object.keys(calls)
        .map((name) => `flagdeck:call:${name}`)
        .sort(),
    );
  });

  it('answers its own page through the shared dispatch, validating input with the contract', async () => {
    expect(await call('workspace.recent', {})).toEqual({
      ok: true,
      value: { paths: opened.flat().reverse() },
    });
    expect(await call('samples.query', { offset: -1, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [expect.objectContaining({ path: 'offset' })] },
    });
    expect(await call('workspace.open', { paths: 'not a list' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('gives each window its own undo session', async () => {
    handled.length = 0;
    await call('review.undo', {});
    await call('review.undo', {}, { ...fromPage, sender: { id: 2 } });
    expect(handled.map((h) => h.caller)).toEqual([{ session: 'window:1' }, { session: 'window:2' }]);
  });

  it('refuses a foreign sender frame', async () => {
    for (const url of ['https://example.com/', 'file:///tmp/evil.html', '']) {
      expect(await call('workspace.recent', {}, { senderFrame: { url } })).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
    }
    expect(await call('workspace.recent', {}, { senderFrame: null })).toMatchObject({ ok: false });
  });

  it('sends every event to every window', () => {
    context?.emit('logAdded', { folderId: 'f1', file: 'dataset2.csv' });
    expect(fake.state.windows[0].sent).toContainEqual([
      'flagdeck:event',
      'logAdded',
      { folderId: 'f1', file: 'dataset2.csv' },
    ]);
  });
});

describe('desktop host: media protocol', () => {
  const get = (url: string, headers: Record<string, string> = {}) =>
    fake.state.protocols.get('flagdeck-media')?.(new Request(url, { headers }));

  it('is a standard, secure, streaming scheme that supports fetch', () => {
    expect(fake.state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'flagdeck-media',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          stream: true,
          supportFetchAPI: true,
        }),
      }),
    ]);
  });

  it('serves byte ranges', async () => {
    const response = await get('flagdeck-media://media/f1/a.wav', { Range: 'bytes=8-11' });
    expect(response?.status).toBe(206);
    expect(response?.headers.get('content-range')).toBe('bytes 8-11/12');
    expect(await response?.text()).toBe('WAVE');
  });

  it.each([
    ['a `..` escape', 'flagdeck-media://media/f1/..%2F..%2Fsecret.txt'],
    ['an absolute path', `flagdeck-media://media/f1/${encodeURIComponent('/etc/passwd')}`],
    ['a symlink out of the folder', 'flagdeck-media://media/f1/link.txt'],
  ])('refuses %s with 403 and no content', async (_what, url) => {
    const response = await get(url);
    expect(response?.status).toBe(403);
    expect(await response?.text()).not.toContain('SECRET');
  });

  it('answers 404 for a folder that is not open', async () => {
    expect((await get('flagdeck-media://media/nope/a.wav'))?.status).toBe(404);
  });
});

describe('desktop host: menus, second launch, Hub token', () => {
  const items = (label: string) =>
    (fake.state.menu.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions | undefined) =>
    (item?.click as (() => void) | undefined)?.();

  it('has File, Edit and View menus whose items reach the window as menuCommand events', () => {
    expect(fake.state.menu.map((m) => m.label ?? m.role)).toEqual(
      expect.arrayContaining(['File', 'Edit', 'View']),
    );
    const file = items('File');
    expect(file.map((i) => i.label).filter(Boolean)).toEqual(
      expect.arrayContaining(['Open Folder…', 'Open Recent', 'Export…', 'Push to Hub…']),
    );
    const window = fake.state.windows[0];
    window.sent.length = 0;
    click(file.find((i) => i.label === 'Export…'));
    click(file.find((i) => i.label === 'Push to Hub…'));
    const recent = file.find((i) => i.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    click(recent[0]);
    click(items('Edit').find((i) => i.label === 'Undo'));
    expect(window.sent).toEqual([
      ['flagdeck:event', 'menuCommand', { command: 'export', path: undefined }],
      ['flagdeck:event', 'menuCommand', { command: 'push', path: undefined }],
      ['flagdeck:event', 'menuCommand', { command: 'openRecent', path: opened[0][0] }],
      ['flagdeck:event', 'menuCommand', { command: 'undo', path: undefined }],
    ]);
  });

  it('opens the folders of a second launch in the running app', async () => {
    const folder = join(fake.state.dataDir, 'flagged');
    fake.state.appEvents.get('second-instance')?.(
      {},
      ['/x/electron', '--no-sandbox', '/x/flagdeck-app', 'flagged'],
      fake.state.dataDir,
    );
    await vi.waitFor(() => expect(opened).toContainEqual([folder]));
  });

  it('keeps the Hub token encrypted in the data folder and tells only whether it is set', async () => {
    expect(await call('hubToken.status', {})).toEqual({ ok: true, value: { set: false } });
    expect(await call('hubToken.set', { token: 'hf_secret123' })).toEqual({ ok: true, value: { set: true } });
    expect(await call('hubToken.status', {})).toEqual({ ok: true, value: { set: true } });
    const stored = await readFile(join(fake.state.dataDir, 'hub-token.bin'));
    expect(stored.toString('utf8')).not.toContain('hf_secret123');
    expect(await context?.readKeychainToken?.()).toBe('hf_secret123');
    expect(await call('hubToken.set', { token: 'two words' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('hubToken.clear', {})).toEqual({ ok: true, value: { set: false } });
    expect(await context?.readKeychainToken?.()).toBeUndefined();
  });

  it('refuses to store a token where no keychain can encrypt it', async () => {
    fake.state.keychain = false;
    const result = await call('hubToken.set', { token: 'hf_secret123' });
    fake.state.keychain = true;
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('keychain') } });
    expect(JSON.stringify(result)).not.toContain('hf_secret123');
  });
});

// The desktop host with a stand-in `electron` module (no Electron binary on CI machines): window
// options, the IPC sender check, event fan-out to windows, the media protocol, first-run sample.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../../../src/main/app/compose';
import { fakeHandlers } from './doubles';

const fake = vi.hoisted(() => {
  const state = {
    ipc: new Map<string, (...args: unknown[]) => unknown>(),
    schemes: [] as unknown[],
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as { options: Record<string, unknown>; sent: unknown[][] }[],
    opened: [] as string[][],
    context: undefined as ServiceContext | undefined,
    dataDir: '',
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows.map((w) => new BrowserWindow(w));
    static getFocusedWindow = () => null;
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown> | { options: Record<string, unknown>; sent: unknown[][] }) {
      const record = 'sent' in options ? options : { options, sent: [] as unknown[][] };
      if (!('sent' in options))
        state.windows.push(record as { options: Record<string, unknown>; sent: unknown[][] });
      this.webContents = {
        send: (...args: unknown[]) => (record as { sent: unknown[][] }).sent.push(args),
        setWindowOpenHandler: () => undefined,
        on: () => undefined,
      };
    }
    once() {}
    isDestroyed() {
      return false;
    }
    loadFile() {
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => state.dataDir,
      isPackaged: false,
      on: () => undefined,
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => state.ipc.set(channel, handler),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        state.protocols.set(scheme, handler),
    },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined } },
    shell: { showItemInFolder: () => undefined, openExternal: async () => undefined },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);
vi.mock('../../../src/main/app/services', () => ({
  createServices: async (context: ServiceContext) => {
    fake.state.context = context;
    const handlers = fakeHandlers();
    return {
      calls: {
        ...handlers,
        'workspace.recent': async () => ({ paths: [] }),
        'workspace.open': async ({ paths }: { paths: string[] }) => {
          fake.state.opened.push(paths);
          return { folders: [] };
        },
      },
      folderOf: (id: string) =>
        id === 'f1' ? { root: join(fake.state.dataDir, 'flagged'), readOnly: false } : undefined,
      thumbDirOf: async (root: string) => join(root, '.flagdeck', 'thumbs'),
      close: async () => undefined,
    };
  },
}));

// The page as host/electron.ts locates it (`../renderer/index.html` beside src/main/host here).
const rendererPage = pathToFileURL(join(import.meta.dirname, '../../../src/main/renderer/index.html')).href;

beforeAll(async () => {
  fake.state.dataDir = await mkdtemp(join(tmpdir(), 'flagdeck-electron-'));
  await mkdir(join(fake.state.dataDir, 'flagged'));
  await writeFile(join(fake.state.dataDir, 'flagged', 'a.wav'), 'RIFF....WAVE');
  const { startDesktopApp } = await import('../../../src/main/host/electron');
  startDesktopApp();
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
});

afterAll(() => rm(fake.state.dataDir, { recursive: true, force: true }));

describe('desktop host', () => {
  it('opens a sandboxed, isolated window and the sample on first run', () => {
    expect(fake.state.windows[0].options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(fake.state.opened).toHaveLength(1);
    expect(fake.state.opened[0][0]).toMatch(/resources[/\\]sample$/);
    expect(fake.state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'flagdeck-media',
        privileges: expect.objectContaining({ stream: true, standard: true }),
      }),
    ]);
  });

  it('answers calls from its own page through the shared dispatch, and nothing for other frames', async () => {
    const handle = fake.state.ipc.get('flagdeck:call');
    expect(handle).toBeDefined();
    const recent = await handle?.({ senderFrame: { url: `${rendererPage}#/` } }, 'workspace.recent', {});
    expect(recent).toEqual({ ok: true, value: { paths: [] } });
    const invalid = await handle?.({ senderFrame: { url: rendererPage } }, 'samples.query', { offset: -1 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const foreign = await handle?.({ senderFrame: { url: 'https://example.com/' } }, 'workspace.recent', {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('sends every event to every window', () => {
    fake.state.context?.emit('logAdded', { folderId: 'f1', file: 'dataset2.csv' });
    expect(fake.state.windows[0].sent).toEqual([
      ['flagdeck:event', 'logAdded', { folderId: 'f1', file: 'dataset2.csv' }],
    ]);
  });

  it('serves media through the flagdeck-media protocol, with ranges', async () => {
    const handler = fake.state.protocols.get('flagdeck-media');
    const response = await handler?.(
      new Request('flagdeck-media://media/f1/a.wav', { headers: { Range: 'bytes=8-11' } }),
    );
    expect(response?.status).toBe(206);
    expect(await response?.text()).toBe('WAVE');
    const refused = await handler?.(new Request('flagdeck-media://media/f1/..%2F..%2Fetc%2Fpasswd'));
    expect(refused?.status).toBe(403);
  });
});

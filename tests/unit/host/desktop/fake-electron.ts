// A stand-in for the `electron` module (no Electron binary on CI machines): it records what the
// desktop host registers, so tests can call the IPC handlers, the media protocol, window hooks
// and menu items as Electron would.
import type { MenuItemConstructorOptions } from 'electron';

type Listener = (...args: unknown[]) => unknown;

export interface FakeWindow {
  options: Record<string, unknown>;
  sent: unknown[][];
  events: Map<string, Listener>;
  openHandler?: (details: { url: string }) => { action: string };
}

export function createFakeElectron() {
  const state = {
    ipc: new Map<string, Listener>(),
    schemes: [] as unknown[],
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as FakeWindow[],
    appEvents: new Map<string, Listener>(),
    external: [] as string[],
    menu: [] as MenuItemConstructorOptions[],
    dataDir: '',
    keychain: true,
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows.map((w) => BrowserWindow.wrap(w));
    static getFocusedWindow = () => null;
    static wrap(record: FakeWindow): BrowserWindow {
      const window = Object.create(BrowserWindow.prototype) as BrowserWindow;
      window.record = record;
      window.webContents = BrowserWindow.contents(record);
      return window;
    }
    static contents(record: FakeWindow) {
      return {
        send: (...args: unknown[]) => record.sent.push(args),
        setWindowOpenHandler: (handler: FakeWindow['openHandler']) => (record.openHandler = handler),
        on: (event: string, listener: Listener) => record.events.set(event, listener),
      };
    }
    record!: FakeWindow;
    webContents!: ReturnType<typeof BrowserWindow.contents>;
    constructor(options: Record<string, unknown>) {
      const record: FakeWindow = { options, sent: [], events: new Map() };
      state.windows.push(record);
      this.record = record;
      this.webContents = BrowserWindow.contents(record);
    }
    once() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    focus() {}
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
      setPath: (_name: string, path: string) => (state.dataDir = path),
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      exit: () => undefined,
      on: (event: string, listener: Listener) => state.appEvents.set(event, listener),
    },
    BrowserWindow,
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: () => undefined,
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => state.ipc.set(channel, handler),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        state.protocols.set(scheme, handler),
    },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined } },
    shell: {
      showItemInFolder: () => undefined,
      openExternal: async (url: string) => {
        state.external.push(url);
      },
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => {
        state.menu = menu;
      },
    },
    // Reversible "encryption", so a test can tell the file holds no plain token.
    safeStorage: {
      isEncryptionAvailable: () => state.keychain,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
    },
  };
  return { state, electron };
}

/** The one stand-in of a test file: `vi.mock('electron', …)` returns its `electron`. */
export const fake = createFakeElectron();

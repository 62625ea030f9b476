// The preload, loaded with a stand-in `electron`: what it exposes to the page is `invoke`, `on`
// and the dropped-file helper, and only the contract's names get through to IPC.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { calls, events } from '../../../../src/shared/api';
import { callNames, eventNames } from '../../../../src/shared/contract-names';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listening: [] as string[],
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      bridge.invoked.push(args);
      return { ok: true, value: {} };
    },
    on: (channel: string) => bridge.listening.push(channel),
    removeListener: () => undefined,
  },
  webUtils: { getPathForFile: () => '/dropped/folder' },
}));

interface Exposed {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  pathForFile(file: unknown): string;
}

let api: Exposed;

beforeAll(async () => {
  await import('../../../../src/preload/index');
  api = bridge.exposed.get('flagdeck') as Exposed;
});

describe('preload', () => {
  it('exposes one object, `flagdeck`, with invoke, on and pathForFile only', () => {
    expect([...bridge.exposed.keys()]).toEqual(['flagdeck']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile']);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('knows exactly the contract’s calls and events', () => {
    expect([...callNames].sort()).toEqual(Object.keys(calls).sort());
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });

  it('passes a contract call to its own channel', async () => {
    await api.invoke('samples.query', { offset: 0, limit: 1 });
    expect(bridge.invoked).toEqual([['flagdeck:call:samples.query', { offset: 0, limit: 1 }]]);
  });

  it('refuses names outside the contract without touching IPC', async () => {
    await expect(api.invoke('fs.readFile', { path: '/etc/passwd' })).rejects.toThrow('unknown call');
    await expect(api.invoke('__proto__', {})).rejects.toThrow('unknown call');
    expect(() => api.on('anything', () => undefined)).toThrow('unknown event');
    expect(bridge.invoked).toHaveLength(1);
    expect(bridge.listening).toEqual([]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../src/renderer/src/api/errors';
import { createWebClient } from '../../../../src/renderer/src/api/web';
import type { LogInfo, WorkspaceInfo } from '../../../../src/shared/model';
import { folderInfo, logInfo } from '../../../support/workspace-snapshots';
import { workspaceDelta } from '../../../../src/shared/workspace-delta';

class FakeSocket {
  static opened: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(readonly url: URL) {
    FakeSocket.opened.push(this);
  }
  close(): void {
    this.closed = true;
    this.onclose?.();
  }
  receive(data: unknown): void {
    this.onmessage?.({ data: JSON.stringify(data) });
  }
}

function stubFetch(status: number, body: unknown) {
  const fetch = vi.fn(
    async (_url: URL, _init: RequestInit) => new Response(JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeSocket.opened = [];
});

const origin = 'http://127.0.0.1:7870';

describe('web transport: calls', () => {
  it('posts the input with the bearer token and unwraps the value', async () => {
    const fetch = stubFetch(200, { ok: true, value: { paths: ['/a'] } });
    const client = createWebClient({ origin, token: 'tok' });
    await expect(client.call('workspace.recent', {})).resolves.toEqual({ paths: ['/a'] });
    const [url, init] = fetch.mock.calls[0];
    expect(String(url)).toBe(`${origin}/api/workspace.recent`);
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok' });
    expect(init.body).toBe('{}');
  });

  it("names the tab in every call, so the server keeps the tab's undo history apart", async () => {
    const fetch = stubFetch(200, { ok: true, value: { editId: null } });
    await createWebClient({ origin, token: 'tok', tabId: 'tab-one-1234' }).call('review.undo', {});
    expect(fetch.mock.calls[0][1].headers).toMatchObject({ 'x-flagdeck-tab': 'tab-one-1234' });
  });

  it('throws an ApiError carrying the host message and issues', async () => {
    stubFetch(400, {
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'invalid input for samples.query: offset: too small',
        issues: [{ path: 'offset', message: 'too small' }],
      },
    });
    const client = createWebClient({ origin, token: 'tok' });
    const error = await client.call('samples.query', { offset: -1, limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid-input', issues: [{ path: 'offset' }] });
  });

  it('says so when the answer is not the envelope (a 401 page, a proxy error)', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response('Flagdeck needs its access token', { status: 401, statusText: 'Unauthorized' }),
    );
    const client = createWebClient({ origin, token: null });
    await expect(client.call('workspace.info', {})).rejects.toMatchObject({
      code: 'transport',
      message: 'Flagdeck answered 401 Unauthorized',
    });
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createWebClient({ origin, token: 't' }).call('workspace.info', {})).rejects.toThrow(
      'cannot reach Flagdeck: Failed to fetch',
    );
  });
});

describe('web transport: events', () => {
  it('opens one socket with the token on the first listener and routes events by name', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const client = createWebClient({ origin, token: 'tok' });
    const appended: unknown[] = [];
    const added: unknown[] = [];
    const stopAppended = client.on('rowsAppended', (payload) => appended.push(payload));
    const stopAdded = client.on('logAdded', (payload) => added.push(payload));
    expect(FakeSocket.opened).toHaveLength(1);
    const [socket] = FakeSocket.opened;
    expect(String(socket.url)).toBe('ws://127.0.0.1:7870/api/events?token=tok');
    socket.receive({ ready: true });
    socket.receive({
      event: 'rowsAppended',
      payload: { folderId: 'f', file: 'log.csv', ids: ['log.csv#3'] },
    });
    socket.receive({ event: 'logAdded', payload: { folderId: 'f', file: 'dataset2.csv' } });
    expect(appended).toEqual([{ folderId: 'f', file: 'log.csv', ids: ['log.csv#3'] }]);
    expect(added).toEqual([{ folderId: 'f', file: 'dataset2.csv' }]);
    stopAppended();
    expect(socket.closed).toBe(false);
    stopAdded();
    expect(socket.closed).toBe(true);
  });

  it('reconnects after the socket drops while someone listens', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    const client = createWebClient({ origin, token: 'tok' });
    client.on('logAdded', () => undefined);
    FakeSocket.opened[0].onclose?.();
    vi.advanceTimersByTime(300);
    expect(FakeSocket.opened).toHaveLength(2);
    vi.useRealTimers();
  });

  it('announces a fresh workspace once a dropped socket is back, for the events it missed', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const info = { revision: 1, folders: [] };
    const fetch = stubFetch(200, { ok: true, value: info });
    const client = createWebClient({ origin, token: 'tok' });
    const changed: unknown[] = [];
    client.on('workspaceChanged', (payload) => changed.push(payload));
    FakeSocket.opened[0].receive({ ready: true });
    expect(fetch).not.toHaveBeenCalled();
    FakeSocket.opened[0].onclose?.();
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(2));
    FakeSocket.opened[1].receive({ ready: true });
    await vi.waitFor(() => expect(changed).toEqual([info]));
    expect(String(fetch.mock.calls[0][0])).toBe(`${origin}/api/workspace.info`);
  });
});

describe('web transport: the workspace, sent as deltas', () => {
  const log = (file: string, rows: number) => logInfo(file, rows);
  const folder = (logs: LogInfo[]) => folderInfo('f1', logs);
  const one = { revision: 1, folders: [folder([log('a.csv', 1), log('b.csv', 1)])] };
  const two = { revision: 2, folders: [folder([one.folders[0].logs[0], log('b.csv', 2)])] };

  /** A client over a fake socket, and the snapshots its `workspaceChanged` listener is given. */
  function listening(): { socket: FakeSocket; changed: WorkspaceInfo[] } {
    vi.stubGlobal('WebSocket', FakeSocket);
    const client = createWebClient({ origin, token: 'tok' });
    const changed: WorkspaceInfo[] = [];
    client.on('workspaceChanged', (payload) => changed.push(payload));
    return { socket: FakeSocket.opened[0], changed };
  }

  it('makes each snapshot whole, the unchanged logs the same objects as before', async () => {
    const fetch = stubFetch(500, {});
    const { socket, changed } = listening();
    socket.receive({ event: 'workspaceDelta', payload: workspaceDelta(undefined, one) });
    socket.receive({ event: 'workspaceDelta', payload: workspaceDelta(one, two) });
    await vi.waitFor(() => expect(changed).toHaveLength(2));
    expect(changed).toEqual([one, two]);
    expect(changed[1].folders[0].logs[0]).toBe(changed[0].folders[0].logs[0]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("takes the deltas up from the host's base when one is not of the snapshot it holds", async () => {
    const three = { revision: 3, folders: [folder([log('a.csv', 1), log('b.csv', 2), log('c.csv', 1)])] };
    const four = { revision: 4, folders: [folder([...three.folders[0].logs, log('d.csv', 1)])] };
    const fetch = stubFetch(200, { ok: true, value: three });
    const { socket, changed } = listening();
    // Joined late: it never had revision 1; the host has sent revision 3 since.
    socket.receive({ event: 'workspaceDelta', payload: workspaceDelta(one, two) });
    // Already in the host's base.
    socket.receive({ event: 'workspaceDelta', payload: workspaceDelta(two, three) });
    socket.receive({ event: 'workspaceDelta', payload: workspaceDelta(three, four) });
    await vi.waitFor(() => expect(changed).toHaveLength(2));
    expect(changed).toEqual([three, four]);
    expect(changed[1].folders[0].logs[2]).toBe(changed[0].folders[0].logs[2]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0][0])).toBe(`${origin}/api/workspace.deltaBase`);
  });
});

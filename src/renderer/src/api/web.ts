// The serve-mode transport: `POST /api/<call>` with a bearer token, events over one WebSocket at
// `/api/events` (opened on the first listener, reopened with backoff if it drops). Events sent
// while the socket was down are lost, so a reopened socket is followed by a fresh
// `workspaceChanged`, which makes the screens re-read what they show.
import type {
  ApiClient,
  CallName,
  CallOutput,
  CallResult,
  EventName,
  EventPayload,
} from '../../../shared/api';
import { TAB_HEADER } from '../../../shared/tab-session';
import { ApiError, unwrap } from './errors';
import { Listeners } from './listeners';
import { WorkspaceSnapshots } from './workspace-snapshots';
import type { WorkspaceDelta } from '../../../shared/workspace-delta';

export interface WebClientOptions {
  /** Origin of the server, e.g. `http://127.0.0.1:5123`. */
  origin: string;
  token: string | null;
  /** This tab's id, sent with every call so the server keeps this tab's undo history apart. */
  tabId?: string;
}

const maxBackoffMs = 5000;

export function createWebClient({ origin, token, tabId }: WebClientOptions): ApiClient {
  const listeners = new Listeners();
  let socket: WebSocket | null = null;
  let backoffMs = 250;
  let dropped = false;

  // The server sends `workspaceChanged` as deltas (shared/workspace-delta.ts).
  const snapshots = new WorkspaceSnapshots(
    () => call('workspace.deltaBase', {}),
    (snapshot) => listeners.emit('workspaceChanged', snapshot),
  );

  async function resync(): Promise<void> {
    try {
      const snapshot = await call('workspace.info', {});
      snapshots.saw(snapshot);
      listeners.emit('workspaceChanged', snapshot);
    } catch {
      // The server went away again; the next reconnect tries once more.
    }
  }

  async function call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
    let response: Response;
    try {
      response = await fetch(new URL(`/api/${name}`, origin), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(tabId ? { [TAB_HEADER]: tabId } : {}),
        },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      throw new ApiError(
        `cannot reach Flagdeck: ${error instanceof Error ? error.message : String(error)}`,
        'transport',
      );
    }
    const body = (await response.json().catch(() => null)) as CallResult | null;
    if (!body || typeof body !== 'object' || !('ok' in body)) {
      throw new ApiError(`Flagdeck answered ${response.status} ${response.statusText}`, 'transport');
    }
    return unwrap<CallOutput<N>>(body);
  }

  function connect(): void {
    const url = new URL('/api/events', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (token) url.searchParams.set('token', token);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      backoffMs = 250;
    };
    ws.onmessage = (message) => {
      const data: unknown = JSON.parse(String(message.data));
      if (!data || typeof data !== 'object') return;
      if ('event' in data && typeof data.event === 'string') {
        const { payload } = data as { payload?: unknown };
        if (data.event === 'workspaceDelta') snapshots.take(payload as WorkspaceDelta);
        else listeners.emit(data.event, payload);
      } else if ('ready' in data && dropped) {
        dropped = false;
        void resync();
      }
    };
    ws.onclose = () => {
      socket = null;
      if (listeners.size === 0) return;
      dropped = true;
      setTimeout(() => {
        if (!socket && listeners.size > 0) connect();
      }, backoffMs);
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    };
  }

  return {
    call,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const remove = listeners.add(event, listener);
      if (!socket) connect();
      return () => {
        remove();
        if (listeners.size === 0) socket?.close();
      };
    },
  };
}

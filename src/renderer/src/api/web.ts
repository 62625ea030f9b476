// The serve-mode transport: `POST /api/<call>` with a bearer token, events over one WebSocket at
// `/api/events` (opened on the first listener, reopened with backoff if it drops).
import type {
  ApiClient,
  CallName,
  CallOutput,
  CallResult,
  EventName,
  EventPayload,
} from '../../../shared/api';
import { ApiError, unwrap } from './errors';
import { Listeners } from './listeners';

export interface WebClientOptions {
  /** Origin of the server, e.g. `http://127.0.0.1:5123`. */
  origin: string;
  token: string | null;
}

const maxBackoffMs = 5000;

export function createWebClient({ origin, token }: WebClientOptions): ApiClient {
  const listeners = new Listeners();
  let socket: WebSocket | null = null;
  let backoffMs = 250;

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
      if (data && typeof data === 'object' && 'event' in data && typeof data.event === 'string') {
        listeners.emit(data.event, (data as { payload?: unknown }).payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      if (listeners.size === 0) return;
      setTimeout(() => {
        if (!socket && listeners.size > 0) connect();
      }, backoffMs);
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    };
  }

  return {
    async call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
      let response: Response;
      try {
        response = await fetch(new URL(`/api/${name}`, origin), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
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
    },
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

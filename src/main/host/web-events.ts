// Events over a WebSocket at `/api/events`. Browsers cannot set headers on a WebSocket, so the
// token comes as `?token=` (or the cookie), or as the first message `{"token": "…"}`.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName } from '../../shared/api';

export type EventListener = (event: EventName, payload: unknown) => void;
export type Subscribe = (listener: EventListener) => () => void;

export interface EventSocketOptions {
  subscribe: Subscribe;
  /** Does the upgrade request carry the token already? */
  authorized(req: IncomingMessage): boolean;
  /** Does `token` (sent as the first message) match? */
  tokenMatches(token: string): boolean;
  /** How long a socket without the token may wait before sending it. */
  authTimeoutMs?: number;
}

// A client that cannot keep up is dropped (it reconnects and re-reads), rather than buffered forever.
const maxBufferedBytes = 8 * 1024 * 1024;

function tokenOf(data: unknown): string | undefined {
  try {
    const message: unknown = JSON.parse(String(data));
    if (message && typeof message === 'object' && 'token' in message && typeof message.token === 'string') {
      return message.token;
    }
  } catch {
    // Not JSON: treated as a missing token below.
  }
  return undefined;
}

export function createEventSocket(options: EventSocketOptions) {
  const server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const live = new Set<WebSocket>();

  const unsubscribe = options.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const socket of live) {
      if (socket.bufferedAmount > maxBufferedBytes) socket.terminate();
      else socket.send(text);
    }
  });

  function admit(socket: WebSocket): void {
    live.add(socket);
    socket.send(JSON.stringify({ ready: true }));
  }

  function waitForToken(socket: WebSocket): void {
    const timer = setTimeout(() => socket.close(4401, 'token required'), options.authTimeoutMs ?? 5000);
    socket.once('message', (data) => {
      clearTimeout(timer);
      const token = tokenOf(data);
      if (token !== undefined && options.tokenMatches(token)) admit(socket);
      else socket.close(4401, 'wrong token');
    });
  }

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      const preAuthorized = options.authorized(req);
      server.handleUpgrade(req, socket, head, (ws) => {
        ws.on('close', () => live.delete(ws));
        ws.on('error', () => live.delete(ws));
        if (preAuthorized) admit(ws);
        else waitForToken(ws);
      });
    },
    close(): void {
      unsubscribe();
      for (const socket of server.clients) socket.terminate();
      server.close();
    },
  };
}

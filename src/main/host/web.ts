// The web host: the built renderer, the API (`POST /api/<call>`), events (WebSocket
// `/api/events`) and media (`/media/…`, `/thumb/…`) over HTTP, for `flagdeck serve` and the
// browser end-to-end tests. Every request must name our host and carry the token.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { MediaService } from '../media/service';
import type { Dispatch } from '../app/dispatch';
import { handleApiCall } from './web-api';
import {
  allowedHosts,
  cookieName,
  fetchedCrossSite,
  hasToken,
  hostAllowed,
  sameToken,
  weakTokenReason,
} from './web-auth';
import { createEventSocket, type Subscribe } from './web-events';
import { handleMedia } from './web-media';
import { sendStatic } from './web-static';

export interface WebHostOptions {
  dispatch: Dispatch;
  media: MediaService;
  subscribe: Subscribe;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Default: `defaultAccessToken()`. */
  token?: string;
  /** Unexpected failures (a handler that threw is already answered with a 500). */
  onError?: (error: unknown) => void;
}

export interface WebHost {
  /** `http://<host>:<port>/?token=<token>`, the line `flagdeck serve` prints. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

const unauthorized =
  'Flagdeck needs its access token: open the address `flagdeck serve` printed (the one ending in ?token=…).';

/** The token when none is given: `FLAGDECK_TOKEN` unless unset or empty (an empty token guards nothing), else random. */
export function defaultAccessToken(): string {
  return process.env.FLAGDECK_TOKEN || randomBytes(24).toString('base64url');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token ?? defaultAccessToken();
  const weak = weakTokenReason(token);
  if (weak) throw new Error(weak);
  let port = 0;
  let allowed = new Set<string>();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?', 2);
    const query = new URLSearchParams(rawQuery);
    if (!hostAllowed(req, allowed))
      return plain(res, 403, `Flagdeck does not answer to host ${req.headers.host}`);
    if (!hasToken(req, query, port, token)) return plain(res, 401, unauthorized);
    if (rawPath.startsWith('/api/')) return handleApiCall(rawPath.slice(5), req, res, options.dispatch);
    if (rawPath.startsWith('/media/') || rawPath.startsWith('/thumb/')) {
      if (fetchedCrossSite(req)) return plain(res, 403, 'Flagdeck media are not served to other sites');
      return handleMedia(rawPath, query, req, res, options.media);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'use GET');
    // The page's own assets carry no token, so the page load leaves it behind as a cookie.
    const cookie: Record<string, string> = query.has('token')
      ? {
          'Set-Cookie': `${cookieName(port)}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
        }
      : {};
    const sent = await sendStatic(options.rendererDir, rawPath, res, cookie, req.method === 'HEAD');
    // Browsers ask for a favicon on their own; an empty answer keeps their consoles clean.
    if (!sent && rawPath === '/favicon.ico') res.writeHead(204).end();
    else if (!sent) plain(res, 404, `not found: ${rawPath}`);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.destroy();
    });
  });

  const events = createEventSocket({
    subscribe: options.subscribe,
    authorized: (req) =>
      hasToken(req, new URLSearchParams((req.url ?? '').split('?', 2)[1] ?? ''), port, token),
    tokenMatches: (given) => sameToken(given, token),
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Nothing a client sends may end the process: an upgrade that throws is answered 400.
    socket.on('error', () => socket.destroy());
    try {
      const path = (req.url ?? '').split('?', 1)[0];
      if (path !== '/api/events') return refuseUpgrade(socket, '404 Not Found');
      if (!hostAllowed(req, allowed)) return refuseUpgrade(socket, '403 Forbidden');
      events.handleUpgrade(req, socket, head);
    } catch (error) {
      options.onError?.(error);
      refuseUpgrade(socket, '400 Bad Request');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(bindHost, port);

  // A wildcard bind is announced by its loopback name, which the browser on this machine can open.
  const shownHost = ['0.0.0.0', '::', ''].includes(bindHost)
    ? '127.0.0.1'
    : bindHost.includes(':')
      ? `[${bindHost}]`
      : bindHost;
  const origin = `http://${shownHost}:${port}`;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

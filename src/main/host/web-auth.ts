// Who may talk to `flagdeck serve`: requests must carry the token (bearer header, cookie, or
// `?token=`), and name one of our own addresses in `Host` (and `Origin`, when a browser sends one),
// which shuts out DNS-rebinding pages and other sites in the same browser.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

export const cookieName = (port: number): string => `flagdeck_token_${port}`;

export function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The shortest `FLAGDECK_TOKEN` accepted: a short one can be guessed by anyone who can connect. */
export const MIN_TOKEN_LENGTH = 32;

/** Why a token chosen by the user cannot guard the server, or undefined when it can. */
export function weakTokenReason(token: string): string | undefined {
  if (token.length >= MIN_TOKEN_LENGTH) return undefined;
  return `FLAGDECK_TOKEN has ${token.length} characters; use at least ${MIN_TOKEN_LENGTH} (e.g. \`openssl rand -base64 33\`), or unset it for a random one`;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      // A malformed escape (`%`, `%zz`) is no token at all: the request is answered 401.
      return undefined;
    }
  }
  return undefined;
}

/** The token a request presents, from wherever it put it. */
export function presentedToken(
  req: IncomingMessage,
  query: URLSearchParams,
  port: number,
): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return bearer?.[1] ?? query.get('token') ?? cookieValue(req.headers.cookie, cookieName(port));
}

export function hasToken(req: IncomingMessage, query: URLSearchParams, port: number, token: string): boolean {
  const given = presentedToken(req, query, port);
  return given !== undefined && sameToken(given, token);
}

const loopback = ['127.0.0.1', 'localhost', '[::1]'];
const wildcard = ['0.0.0.0', '::', ''];

/** The `host:port` names this server answers to, given the address it was bound to. */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set(loopback);
  if (wildcard.includes(bindHost)) {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const net of list ?? []) names.add(net.family === 'IPv6' ? `[${net.address}]` : net.address);
    }
  } else {
    names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost.toLowerCase());
  }
  return new Set([...names].map((name) => `${name}:${port}`));
}

/**
 * `Sec-Fetch-Site` of a request for media: the browser says whether a page of another site (or
 * another port of this host: same-site, not same-origin) asked for it. The cookie is scoped to the
 * host, not the port, so such a page could otherwise probe our files as images.
 */
export function fetchedCrossSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

export function hostAllowed(req: IncomingMessage, allowed: Set<string>): boolean {
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowed.has(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && allowed.has(url.host.toLowerCase());
  } catch {
    return false;
  }
}

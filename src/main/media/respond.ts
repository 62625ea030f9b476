// A host-neutral HTTP-style response for a media file: status, headers, and a byte stream (the
// whole file, or one range). The web host pipes it; the Electron protocol wraps it in a Response.
import type { Stats } from 'node:fs';
import { fs } from '../platform/node-fs';
import type { Readable } from 'node:stream';
import { parseRange } from './range';

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body: Readable | null;
  /** For errors: what went wrong, also sent as the plain-text body. */
  message?: string;
}

// Media are shown inside the app, never run: a crafted SVG or HTML file opened directly gets no
// scripts and no access to the app's origin.
const common = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
};

export function errorResponse(status: number, message: string): MediaResponse {
  return {
    status,
    headers: { ...common, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: null,
    message,
  };
}

/** What the client already has or wants: a byte range, or a copy from a given time. */
export interface Conditions {
  range?: string;
  ifModifiedSince?: string;
}

/** True when the client's copy (dated `since`) is as new as the file (HTTP dates have seconds). */
function unchangedSince(stats: Stats, since: string | undefined): boolean {
  if (!since) return false;
  const date = Date.parse(since);
  return Number.isFinite(date) && Math.floor(stats.mtimeMs / 1000) * 1000 <= date;
}

export function fileResponse(
  file: string,
  stats: Stats,
  contentType: string,
  conditions: Conditions,
  cacheControl = 'private, max-age=60',
): MediaResponse {
  const size = stats.size;
  const headers: Record<string, string> = {
    ...common,
    'Content-Type': contentType,
    'Accept-Ranges': 'bytes',
    'Last-Modified': stats.mtime.toUTCString(),
    'Cache-Control': cacheControl,
  };
  if (!conditions.range && unchangedSince(stats, conditions.ifModifiedSince)) {
    return { status: 304, headers, body: null };
  }
  const range = parseRange(conditions.range, size);
  if (range === 'unsatisfiable') {
    return {
      ...errorResponse(416, `range ${conditions.range} is outside the file (${size} bytes)`),
      headers: { ...headers, 'Content-Range': `bytes */${size}` },
    };
  }
  if (range === null) {
    return {
      status: 200,
      headers: { ...headers, 'Content-Length': String(size) },
      body: fs.createReadStream(file),
    };
  }
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    body: fs.createReadStream(file, { start: range.start, end: range.end }),
  };
}

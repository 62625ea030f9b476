// A host-neutral HTTP-style response for a media file: status, headers, and a byte stream (the
// whole file, or one range). The web host pipes it; the Electron protocol wraps it in a Response.
import { createReadStream, type Stats } from 'node:fs';
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

export function fileResponse(
  file: string,
  stats: Stats,
  contentType: string,
  rangeHeader: string | undefined,
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
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return {
      ...errorResponse(416, `range ${rangeHeader} is outside the file (${size} bytes)`),
      headers: { ...headers, 'Content-Range': `bytes */${size}` },
    };
  }
  if (range === null) {
    return {
      status: 200,
      headers: { ...headers, 'Content-Length': String(size) },
      body: createReadStream(file),
    };
  }
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    body: createReadStream(file, { start: range.start, end: range.end }),
  };
}

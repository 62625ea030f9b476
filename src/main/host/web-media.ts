// `/media/<folderId>/<path>` and `/thumb/<folderId>/<path>?w=N`, parsed from the raw request path
// (so `..` is seen and refused, not silently normalised away) and answered by the media service.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaService } from '../media/service';
import { mediaRequestOf, type ParsedMediaRequest } from '../media/request';
import { errorResponse, type MediaResponse } from '../media/respond';

/** The media request a raw path names, or a reason it cannot be one. */
export function parseMediaPath(rawPath: string, query: URLSearchParams): ParsedMediaRequest {
  const [, kind, folder, ...segments] = rawPath.split('/');
  return mediaRequestOf(kind ?? '', folder, segments, query.get('w'), rawPath);
}

function send(res: ServerResponse, response: MediaResponse, headOnly: boolean): void {
  res.writeHead(response.status, response.headers);
  if (headOnly || !response.body) {
    response.body?.destroy();
    res.end(headOnly || response.status === 304 ? undefined : (response.message ?? ''));
    return;
  }
  response.body.on('error', () => res.destroy());
  response.body.pipe(res);
}

export async function handleMedia(
  rawPath: string,
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
  media: MediaService,
): Promise<void> {
  const headOnly = req.method === 'HEAD';
  if (req.method !== 'GET' && !headOnly) return send(res, errorResponse(405, 'use GET'), false);
  const parsed = parseMediaPath(rawPath, query);
  if ('error' in parsed) return send(res, errorResponse(400, parsed.error), headOnly);
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  const response = await media.respond({
    ...parsed,
    range: req.headers.range,
    ifModifiedSince: req.headers['if-modified-since'],
    signal: gone.signal,
  });
  send(res, response, headOnly);
}

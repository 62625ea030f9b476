// The desktop side of media: `flagdeck-media://media/<folderId>/<path>` and
// `flagdeck-media://thumb/<folderId>/<path>?w=N`, answered by the same media service as serve
// mode, as a WHATWG Response (what Electron's `protocol.handle` wants), streamed with ranges.
import { Readable } from 'node:stream';
import type { MediaService } from '../media/service';
import { mediaRequestOf, type ParsedMediaRequest } from '../media/request';

export const mediaScheme = 'flagdeck-media';

/** The media request a protocol URL names, or why it names none. */
export function parseMediaUrl(url: string): ParsedMediaRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: `not a URL: ${url}` };
  }
  const kind = parsed.hostname;
  if (parsed.protocol !== `${mediaScheme}:` || (kind !== 'media' && kind !== 'thumb')) {
    return { error: `expected ${mediaScheme}://media/… or ${mediaScheme}://thumb/…` };
  }
  // The URL parser has already folded any `..`: what is left is checked again by the service.
  const [folder, ...segments] = parsed.pathname.split('/').slice(1);
  return mediaRequestOf(kind, folder, segments, parsed.searchParams.get('w'), url);
}

export async function answerMediaRequest(request: Request, media: MediaService): Promise<Response> {
  const parsed = parseMediaUrl(request.url);
  if ('error' in parsed) return new Response(parsed.error, { status: 400 });
  const response = await media.respond({
    ...parsed,
    range: request.headers.get('range') ?? undefined,
    ifModifiedSince: request.headers.get('if-modified-since') ?? undefined,
    signal: request.signal,
  });
  const body =
    response.body && request.method !== 'HEAD'
      ? (Readable.toWeb(response.body) as ReadableStream<Uint8Array>)
      : (response.message ?? null);
  if (request.method === 'HEAD') response.body?.destroy();
  return new Response(body, { status: response.status, headers: response.headers });
}

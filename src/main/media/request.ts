// A media request from the parts of a URL, as both hosts name media:
// `<scheme-or-route>/media|thumb/<folderId>/<path…>[?w=N]`.
import type { MediaRequest } from './service';

export type ParsedMediaRequest = Omit<MediaRequest, 'range'> | { error: string };

/** `segments` are still percent-encoded; `where` names the request in error messages. */
export function mediaRequestOf(
  kind: string,
  folder: string | undefined,
  segments: string[],
  width: string | null,
  where: string,
): ParsedMediaRequest {
  if ((kind !== 'media' && kind !== 'thumb') || !folder || segments.length === 0) {
    return { error: `expected media/<folderId>/<path> or thumb/<folderId>/<path> in ${where}` };
  }
  try {
    return {
      kind,
      folderId: decodeURIComponent(folder),
      path: segments.map(decodeURIComponent).join('/'),
      ...(width !== null ? { width: Number(width) } : {}),
    };
  } catch {
    return { error: `malformed percent-encoding in ${where}` };
  }
}

// Media requests of both hosts: `/media/<folderId>/<path>` (the file, with ranges) and
// `/thumb/<folderId>/<path>?w=N` (a cached image thumbnail). Paths are resolved safely first.
import { stat } from 'node:fs/promises';
import { contentTypeOf } from './mime';
import { errorResponse, fileResponse, type MediaResponse } from './respond';
import { resolveMediaPath, unsafePathReason } from './resolve';
import { ThumbnailAbandoned, type Thumbnailer } from './thumbs';

export interface MediaFolder {
  root: string;
  readOnly: boolean;
}

export interface MediaRequest {
  kind: 'media' | 'thumb';
  folderId: string;
  /** Relative to the folder, `/`-separated, already URL-decoded. */
  path: string;
  /** Thumbnail width asked for (CSS pixels). */
  width?: number;
  /** The `Range` header, if any. */
  range?: string;
  /** The `If-Modified-Since` header, if any. */
  ifModifiedSince?: string;
  /** Aborted when the client goes away (queued thumbnails are then skipped). */
  signal?: AbortSignal;
}

/**
 * A place outside the folder that some request paths are served from (a replay run's output
 * files, kept beside the journal wherever that lives): the directory and the path inside it, or
 * undefined when the request path is the folder's own.
 */
export type MediaMount = (
  folderId: string,
  path: string,
) => Promise<{ root: string; path: string } | undefined>;

export interface MediaService {
  respond(request: MediaRequest): Promise<MediaResponse>;
}

/** Widths are rounded up to steps of 64 (64…1024) so that nearby sizes share cached files. */
export function thumbWidth(asked: number | undefined): number {
  const width = Number.isFinite(asked) && asked ? asked : 256;
  return Math.min(1024, Math.max(64, Math.ceil(width / 64) * 64));
}

export function createMediaService(
  folderOf: (folderId: string) => MediaFolder | undefined,
  thumbnailer: Thumbnailer,
  mount?: MediaMount,
): MediaService {
  async function respond(request: MediaRequest): Promise<MediaResponse> {
    // Escapes are refused as such (403) whichever folder they name, before any lookup.
    const unsafe = unsafePathReason(request.path);
    if (unsafe) return errorResponse(403, `${unsafe}: ${JSON.stringify(request.path)}`);
    const folder = folderOf(request.folderId);
    if (!folder) return errorResponse(404, `no open folder "${request.folderId}"`);
    const mounted = await mount?.(request.folderId, request.path);
    const resolved = mounted
      ? await resolveMediaPath(mounted.root, mounted.path)
      : await resolveMediaPath(folder.root, request.path);
    if (!resolved.ok) return errorResponse(resolved.status, resolved.reason);
    if (request.kind === 'media') {
      return fileResponse(resolved.file, resolved.stats, await contentTypeOf(resolved.file), request);
    }
    let thumb: string;
    try {
      thumb = await thumbnailer.thumbnail(
        { ...folder, ...resolved },
        thumbWidth(request.width),
        request.signal,
      );
    } catch (error) {
      if (error instanceof ThumbnailAbandoned) return errorResponse(503, error.message);
      const reason = error instanceof Error ? error.message : String(error);
      return errorResponse(415, `cannot make a thumbnail of ${request.path}: ${reason}`);
    }
    return fileResponse(thumb, await stat(thumb), 'image/webp', request, 'private, max-age=86400');
  }
  return {
    async respond(request) {
      try {
        return await respond(request);
      } catch (error) {
        // A file we may not read (or that went away meanwhile) is the request's answer, not a crash.
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'EACCES' || code === 'EPERM')
          return errorResponse(403, `cannot read ${request.path} (${code})`);
        if (code === 'ENOENT') return errorResponse(404, `no such file: ${request.path}`);
        throw error;
      }
    },
  };
}

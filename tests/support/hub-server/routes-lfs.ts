// The LFS batch call (always `transfer: basic`; large objects multipart when the server is set up so, so the JS client falls back from Xet), the upload
// PUT to a self-authorising URL (no Authorization header arrives there, as with S3 presigned URLs)
// checked by sha256 and size, and Python's verify call.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writableRepo, type RouteContext } from './context';
import { sha256Hex } from './git-oid';
import { HubError, readBody, readJson, sendJson } from './http-util';
import { multipartAction } from './routes-multipart';
import type { RepoType } from './store';

const LFS_JSON = 'application/vnd.git-lfs+json';

export async function lfsBatch(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: { type: RepoType; id: string },
): Promise<void> {
  const repo = writableRepo(ctx, req, params.type, params.id);
  const body = await readJson(req);
  if (body.operation !== 'upload') throw new HubError(400, 'Only the upload operation is supported');
  if (!Array.isArray(body.objects)) throw new HubError(400, 'objects must be an array');
  ctx.lfsTransfers.push(Array.isArray(body.transfers) ? body.transfers.map(String) : []);
  const objects = body.objects.map((object: { oid?: unknown; size?: unknown }) => {
    const oid = String(object.oid ?? '');
    const size = Number(object.size ?? -1);
    if (!/^[0-9a-f]{64}$/.test(oid) || !(size >= 0)) {
      return { oid, size, error: { code: 422, message: 'Invalid oid or size' } };
    }
    if (repo.lfs.has(oid)) return { oid, size };
    const chunkSize = ctx.multipartChunkSize;
    if (chunkSize !== undefined && size > chunkSize) {
      return {
        oid,
        size,
        authenticated: true,
        actions: { upload: multipartAction(ctx, { repo, oid, size, chunkSize }) },
      };
    }
    const secret = randomBytes(16).toString('hex');
    ctx.uploads.set(secret, { repo, oid, size });
    return {
      oid,
      size,
      authenticated: true,
      actions: {
        upload: { href: `${ctx.baseUrl}/lfs-upload/${secret}`, expires_in: 3600 },
        verify: { href: `${ctx.baseUrl}/lfs-verify/${secret}` },
      },
    };
  });
  res.setHeader('X-Request-Id', randomBytes(8).toString('hex'));
  sendJson(res, 200, { transfer: 'basic', objects }, LFS_JSON);
}

export async function lfsUpload(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  secret: string,
): Promise<void> {
  const pending = ctx.uploads.get(secret);
  if (!pending) throw new HubError(403, 'Upload URL expired or unknown');
  const bytes = await readBody(req);
  if (bytes.length !== pending.size || sha256Hex(bytes) !== pending.oid) {
    throw new HubError(400, `Uploaded bytes do not match oid ${pending.oid} (size ${pending.size})`);
  }
  pending.repo.lfs.set(pending.oid, bytes);
  res.writeHead(200, { 'Content-Length': 0 });
  res.end();
}

export async function lfsVerify(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  secret: string,
): Promise<void> {
  const pending = ctx.uploads.get(secret);
  ctx.auth.requireCaller(req);
  const body = await readJson(req);
  if (!pending || !pending.repo.lfs.has(String(body.oid))) throw new HubError(404, 'Object not found');
  sendJson(res, 200, { message: 'Object verified' }, LFS_JSON);
}

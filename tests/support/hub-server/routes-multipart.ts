// Multipart LFS uploads, as the Hub offers them for large files (hub-protocol.md §1.6): the batch
// answer's upload header carries `chunk_size` and one numbered part URL per chunk; each part PUT
// answers an ETag; the completion POST lists `{partNumber, etag}` and the object is stored only when
// every part is there, each ETag matches and the whole has the advertised sha256 and size.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PendingUpload, RouteContext } from './context';
import { sha256Hex } from './git-oid';
import { HubError, readBody, readJson, sendJson } from './http-util';

const LFS_JSON = 'application/vnd.git-lfs+json';

export interface PendingMultipart extends PendingUpload {
  chunkSize: number;
  /** Part bytes by part number (1-based), as last PUT. */
  parts: Map<number, Buffer>;
}

const etagOf = (bytes: Buffer) => `"${createHash('md5').update(bytes).digest('hex')}"`;

/** The upload action of a multipart object: part URLs under numbered keys, completion at `href`. */
export function multipartAction(ctx: RouteContext, pending: Omit<PendingMultipart, 'parts'>) {
  const secret = randomBytes(16).toString('hex');
  ctx.multipart.set(secret, { ...pending, parts: new Map() });
  const header: Record<string, string> = { chunk_size: String(pending.chunkSize) };
  const count = Math.ceil(pending.size / pending.chunkSize);
  for (let part = 1; part <= count; part++) {
    header[String(part).padStart(5, '0')] = `${ctx.baseUrl}/lfs-part/${secret}/${part}`;
  }
  return { href: `${ctx.baseUrl}/lfs-complete/${secret}`, header, expires_in: 3600 };
}

export async function multipartPut(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: { secret: string; part: string },
): Promise<void> {
  const pending = ctx.multipart.get(params.secret);
  if (!pending) throw new HubError(403, 'Upload URL expired or unknown');
  const part = Number(params.part);
  const count = Math.ceil(pending.size / pending.chunkSize);
  if (!Number.isInteger(part) || part < 1 || part > count) throw new HubError(400, `No part ${params.part}`);
  const bytes = await readBody(req);
  const expected = part < count ? pending.chunkSize : pending.size - pending.chunkSize * (count - 1);
  if (bytes.length !== expected) {
    throw new HubError(400, `Part ${part} has ${bytes.length} bytes; it must have ${expected}`);
  }
  pending.parts.set(part, bytes);
  res.writeHead(200, { ETag: etagOf(bytes), 'Content-Length': 0 });
  res.end();
}

export async function multipartComplete(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  secret: string,
): Promise<void> {
  const pending = ctx.multipart.get(secret);
  if (!pending) throw new HubError(403, 'Upload URL expired or unknown');
  const body = await readJson(req);
  if (body.oid !== pending.oid)
    throw new HubError(400, `Completion names ${String(body.oid)}, not ${pending.oid}`);
  const listed = Array.isArray(body.parts) ? (body.parts as { partNumber?: unknown; etag?: unknown }[]) : [];
  const count = Math.ceil(pending.size / pending.chunkSize);
  if (listed.length !== count) throw new HubError(400, `Completion lists ${listed.length} parts of ${count}`);
  const ordered: Buffer[] = [];
  for (const [index, { partNumber, etag }] of listed.entries()) {
    const bytes = pending.parts.get(index + 1);
    if (partNumber !== index + 1 || !bytes) throw new HubError(400, `Part ${index + 1} is missing`);
    if (etag !== etagOf(bytes))
      throw new HubError(400, `Part ${index + 1}: ETag ${String(etag)} does not match`);
    ordered.push(bytes);
  }
  const whole = Buffer.concat(ordered);
  if (whole.length !== pending.size || sha256Hex(whole) !== pending.oid) {
    throw new HubError(400, `Uploaded bytes do not match oid ${pending.oid} (size ${pending.size})`);
  }
  pending.repo.lfs.set(pending.oid, whole);
  ctx.multipart.delete(secret);
  sendJson(res, 200, { message: 'Upload completed' }, LFS_JSON);
}

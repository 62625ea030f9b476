// Reading a repo at a revision: tree listing (paginated with an absolute `Link`), paths-info (JSON
// from JS, form-encoded from Python) and resolve / raw downloads with byte ranges.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readableRepo, TYPE_OF_PLURAL, type RouteContext } from './context';
import { lfsPointer } from './git-oid';
import { HubError, readBody, sendJson } from './http-util';
import type { Commit, Repo, RepoType, StoredFile } from './store';

function commitAt(ctx: RouteContext, repo: Repo, rev: string): Commit {
  const commit = ctx.store.resolveRevision(repo, rev);
  if (!commit) throw new HubError(404, `Invalid rev id: ${rev}`, 'RevisionNotFound');
  return commit;
}

function fileEntry(path: string, file: StoredFile, commit: Commit, expand: boolean): Record<string, unknown> {
  return {
    type: 'file',
    oid: file.oid,
    size: file.size,
    path,
    ...(file.lfs ? { lfs: file.lfs } : {}),
    ...(expand ? { lastCommit: { id: commit.oid, title: commit.title, date: commit.date } } : {}),
  };
}

function directoryEntry(path: string): Record<string, unknown> {
  return { type: 'directory', oid: '0'.repeat(40), size: 0, path };
}

/** Entries under `folder` ('' = root), directories included, sorted by path. */
function listEntries(
  commit: Commit,
  folder: string,
  recursive: boolean,
  expand: boolean,
): Record<string, unknown>[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const directories = new Set<string>();
  const entries: Record<string, unknown>[] = [];
  for (const [path, file] of commit.files) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length).split('/');
    for (let depth = 1; depth < rest.length && (recursive || depth === 1); depth += 1) {
      directories.add(prefix + rest.slice(0, depth).join('/'));
    }
    if (recursive || rest.length === 1) entries.push(fileEntry(path, file, commit, expand));
  }
  for (const path of directories) entries.push(directoryEntry(path));
  if (entries.length === 0 && folder !== '')
    throw new HubError(404, `Entry not found: ${folder}`, 'EntryNotFound');
  return entries.sort((a, b) => String(a.path).localeCompare(String(b.path)));
}

export function tree(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: { plural: string; id: string; rev: string; path: string },
  query: URLSearchParams,
): void {
  const repo = readableRepo(ctx, req, TYPE_OF_PLURAL[params.plural], params.id);
  const commit = commitAt(ctx, repo, params.rev);
  const entries = listEntries(
    commit,
    params.path,
    query.get('recursive') === 'true',
    query.get('expand') === 'true',
  );
  const start = Number(query.get('cursor') ?? '0');
  const page = entries.slice(start, start + ctx.treePageSize);
  if (start + ctx.treePageSize < entries.length) {
    const next = new URL(req.url ?? '/', ctx.baseUrl);
    next.searchParams.set('cursor', String(start + ctx.treePageSize));
    res.setHeader('Link', `<${next.toString()}>; rel="next"`);
  }
  sendJson(res, 200, page);
}

async function requestedPaths(req: IncomingMessage): Promise<{ paths: string[]; expand: boolean }> {
  const text = (await readBody(req)).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    const body = JSON.parse(text) as { paths?: unknown; expand?: unknown };
    if (!Array.isArray(body.paths)) throw new HubError(400, 'paths must be an array');
    return { paths: body.paths.map(String), expand: body.expand === true };
  }
  const form = new URLSearchParams(text);
  return {
    paths: form.getAll('paths'),
    expand: form.get('expand') === 'True' || form.get('expand') === 'true',
  };
}

export async function pathsInfo(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: { plural: string; id: string; rev: string },
): Promise<void> {
  const repo = readableRepo(ctx, req, TYPE_OF_PLURAL[params.plural], params.id);
  const commit = commitAt(ctx, repo, params.rev);
  const { paths, expand } = await requestedPaths(req);
  const entries: Record<string, unknown>[] = [];
  for (const path of paths) {
    const file = commit.files.get(path);
    if (file) entries.push(fileEntry(path, file, commit, expand));
    else if ([...commit.files.keys()].some((p) => p.startsWith(`${path}/`)))
      entries.push(directoryEntry(path));
  }
  sendJson(res, 200, entries);
}

function byteRange(header: string | undefined, total: number): { start: number; end: number } | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header) : null;
  if (!match) return undefined;
  if (match[1] === '') return { start: Math.max(0, total - Number(match[2])), end: total - 1 };
  return {
    start: Number(match[1]),
    end: match[2] === '' ? total - 1 : Math.min(Number(match[2]), total - 1),
  };
}

export function resolveFile(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: { type: RepoType; id: string; rev: string; path: string; raw: boolean },
): void {
  const repo = readableRepo(ctx, req, params.type, params.id);
  const commit = commitAt(ctx, repo, params.rev);
  const file = commit.files.get(params.path);
  if (!file) throw new HubError(404, `Entry not found: ${params.path}`, 'EntryNotFound');
  const bytes =
    params.raw && file.lfs ? lfsPointer(file.lfs.oid, file.lfs.size) : ctx.store.bytesOf(repo, file);
  if (!bytes) throw new HubError(500, `Object missing for ${params.path}`);
  const etag = `"${file.lfs && !params.raw ? file.lfs.oid : file.oid}"`;
  res.setHeader('ETag', etag);
  res.setHeader('X-Repo-Commit', commit.oid);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', 'application/octet-stream');
  if (file.lfs && !params.raw) {
    res.setHeader('X-Linked-Size', String(file.lfs.size));
    res.setHeader('X-Linked-ETag', etag);
  }
  const range = byteRange(req.headers.range, bytes.length);
  const body = range ? bytes.subarray(range.start, range.end + 1) : bytes;
  if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${bytes.length}`);
  res.writeHead(range ? 206 : 200, { 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

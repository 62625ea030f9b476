// Maps a request to its handler. Paths are split before decoding, so a revision sent as
// `refs%2Fconvert%2Fparquet` stays one segment and a tree path may arrive encoded (`data%2Ftrain`).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TYPE_OF_PLURAL, type RouteContext } from './context';
import { HubError } from './http-util';
import { commit, preupload } from './routes-commit';
import { lfsBatch, lfsUpload, lfsVerify } from './routes-lfs';
import { multipartComplete, multipartPut } from './routes-multipart';
import { pathsInfo, resolveFile, tree } from './routes-read';
import { createRepo, deleteRepo, repoInfo, validateYaml, whoami } from './routes-repo';
import type { RepoType } from './store';

type Handler = () => void | Promise<void>;

function apiRepoRoute(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
  query: URLSearchParams,
): Handler | undefined {
  const [plural, ns, name, action, rev, ...rest] = segments;
  if (!TYPE_OF_PLURAL[plural] || !ns || !name) return undefined;
  const id = `${ns}/${name}`;
  const method = req.method;
  if (action === undefined && method === 'GET') return () => repoInfo(ctx, req, res, { plural, id });
  if (action === undefined || rev === undefined) return undefined;
  if (action === 'revision' && method === 'GET') {
    return () => repoInfo(ctx, req, res, { plural, id, rev: [rev, ...rest].join('/') });
  }
  if (action === 'preupload' && method === 'POST') return () => preupload(ctx, req, res, { plural, id, rev });
  if (action === 'commit' && method === 'POST') return () => commit(ctx, req, res, { plural, id, rev });
  if (action === 'paths-info' && method === 'POST')
    return () => pathsInfo(ctx, req, res, { plural, id, rev });
  if (action === 'tree' && method === 'GET') {
    return () => tree(ctx, req, res, { plural, id, rev, path: rest.join('/') }, query);
  }
  return undefined;
}

function webRoute(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
): Handler | undefined {
  let type: RepoType = 'model';
  let parts = segments;
  if (segments[0] === 'datasets' || segments[0] === 'spaces') {
    type = segments[0] === 'datasets' ? 'dataset' : 'space';
    parts = segments.slice(1);
  }
  const [ns, name, ...rest] = parts;
  if (!ns || !name) return undefined;
  if (name.endsWith('.git') && rest.join('/') === 'info/lfs/objects/batch' && req.method === 'POST') {
    return () => lfsBatch(ctx, req, res, { type, id: `${ns}/${name.slice(0, -4)}` });
  }
  const [kind, rev, ...path] = rest;
  if (
    (kind === 'resolve' || kind === 'raw') &&
    rev &&
    path.length > 0 &&
    (req.method === 'GET' || req.method === 'HEAD')
  ) {
    return () =>
      resolveFile(ctx, req, res, {
        type,
        id: `${ns}/${name}`,
        rev,
        path: path.join('/'),
        raw: kind === 'raw',
      });
  }
  return undefined;
}

export function route(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Handler {
  const url = new URL(req.url ?? '/', ctx.baseUrl);
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  const method = req.method;
  const [first, second] = segments;
  let handler: Handler | undefined;
  if (first === 'api') {
    if (second === 'whoami-v2' && method === 'GET') handler = () => whoami(ctx, req, res);
    else if (second === 'repos' && segments[2] === 'create' && method === 'POST')
      handler = () => createRepo(ctx, req, res);
    else if (second === 'validate-yaml' && method === 'POST') handler = () => validateYaml(ctx, req, res);
    else if (second === 'repos' && segments[2] === 'delete' && method === 'DELETE')
      handler = () => deleteRepo(ctx, req, res);
    else handler = apiRepoRoute(ctx, req, res, segments.slice(1), url.searchParams);
  } else if (first === 'lfs-upload' && method === 'PUT' && second)
    handler = () => lfsUpload(ctx, req, res, second);
  else if (first === 'lfs-part' && method === 'PUT' && second && segments[2])
    handler = () => multipartPut(ctx, req, res, { secret: second, part: segments[2] });
  else if (first === 'lfs-complete' && method === 'POST' && second)
    handler = () => multipartComplete(ctx, req, res, second);
  else if (first === 'lfs-verify' && method === 'POST' && second)
    handler = () => lfsVerify(ctx, req, res, second);
  else handler = webRoute(ctx, req, res, segments);
  return (
    handler ??
    (() => {
      throw new HubError(404, `Not found: ${method} ${url.pathname}`, 'EntryNotFound');
    })
  );
}

// What every route handler gets: the store, the tokens, the server's own base URL (LFS hrefs and
// `Link` headers must be absolute) and the pending self-authorising upload URLs.
import type { IncomingMessage } from 'node:http';
import type { Auth } from './auth';
import { HubError } from './http-util';
import type { PendingMultipart } from './routes-multipart';
import type { HubStore, Repo, RepoType } from './store';

export interface PendingUpload {
  repo: Repo;
  oid: string;
  size: number;
}

export interface RouteContext {
  store: HubStore;
  auth: Auth;
  baseUrl: string;
  uploads: Map<string, PendingUpload>;
  /** Objects larger than this are offered as multipart uploads (undefined: never). */
  multipartChunkSize?: number;
  multipart: Map<string, PendingMultipart>;
  treePageSize: number;
  lfsTransfers: string[][];
}

export const TYPE_OF_PLURAL: Record<string, RepoType> = {
  models: 'model',
  datasets: 'dataset',
  spaces: 'space',
};
export const WEB_PREFIX: Record<RepoType, string> = { model: '', dataset: 'datasets/', space: 'spaces/' };

/** A repo the caller may read: missing and private-without-access answer the same 404. */
export function readableRepo(ctx: RouteContext, req: IncomingMessage, type: RepoType, id: string): Repo {
  const repo = ctx.store.get(type, id);
  const caller = ctx.auth.caller(req);
  if (!repo || (repo.private && !ctx.auth.canRead(caller, id.split('/')[0]))) {
    throw new HubError(404, 'Repository not found', 'RepoNotFound');
  }
  return repo;
}

export function writableRepo(ctx: RouteContext, req: IncomingMessage, type: RepoType, id: string): Repo {
  const namespace = id.split('/')[0];
  ctx.auth.requireCaller(req);
  const repo = readableRepo(ctx, req, type, id);
  ctx.auth.requireWrite(req, namespace);
  return repo;
}

// whoami-v2, repo create / delete, and repo info (`/api/{T}s/ns/name[/revision/{rev}]`).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readableRepo, TYPE_OF_PLURAL, WEB_PREFIX, type RouteContext } from './context';
import { HubError, readJson, sendJson } from './http-util';
import type { RepoType } from './store';

export function whoami(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): void {
  const { user, role } = ctx.auth.requireCaller(req);
  sendJson(res, 200, {
    type: 'user',
    id: `id-${user.name}`,
    name: user.name,
    fullname: user.name,
    email: `${user.name}@example.invalid`,
    emailVerified: true,
    isPro: false,
    canPay: false,
    avatarUrl: '',
    periodEnd: null,
    billingMode: 'postpaid',
    orgs: (user.orgs ?? []).map((name) => ({ type: 'org', name, fullname: name, roleInOrg: 'write' })),
    auth: {
      type: 'access_token',
      accessToken: { displayName: 'test', role, createdAt: new Date(0).toISOString() },
    },
  });
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

export async function createRepo(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const grant = ctx.auth.requireCaller(req);
  const body = await readJson(req);
  const type = (body.type ?? 'model') as RepoType;
  if (!['model', 'dataset', 'space'].includes(type))
    throw new HubError(400, `Invalid repo type: ${String(body.type)}`);
  const name = String(body.name ?? '');
  const namespace =
    typeof body.organization === 'string' && body.organization ? body.organization : grant.user.name;
  if (!NAME.test(name) || name.includes('..')) throw new HubError(400, `Invalid repo name: ${name}`);
  ctx.auth.requireWrite(req, namespace);
  const id = `${namespace}/${name}`;
  const url = `${ctx.baseUrl}/${WEB_PREFIX[type]}${id}`;
  if (ctx.store.get(type, id)) {
    throw new HubError(409, `You already created this ${type} repo`, undefined, { url });
  }
  const isPrivate = body.visibility !== undefined ? body.visibility !== 'public' : body.private === true;
  ctx.store.create(type, id, isPrivate);
  sendJson(res, 200, { url, name: id, id });
}

export async function deleteRepo(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const grant = ctx.auth.requireCaller(req);
  const body = await readJson(req);
  const type = (body.type ?? 'model') as RepoType;
  const namespace =
    typeof body.organization === 'string' && body.organization ? body.organization : grant.user.name;
  const id = `${namespace}/${String(body.name)}`;
  ctx.auth.requireWrite(req, namespace);
  if (!ctx.store.repos.delete(ctx.store.key(type, id)))
    throw new HubError(404, 'Repository not found', 'RepoNotFound');
  sendJson(res, 200, {});
}

export function repoInfo(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: { plural: string; id: string; rev?: string },
): void {
  const repo = readableRepo(ctx, req, TYPE_OF_PLURAL[params.plural], params.id);
  const commit = ctx.store.resolveRevision(repo, params.rev ?? 'main');
  if (!commit) throw new HubError(404, `Invalid rev id: ${params.rev}`, 'RevisionNotFound');
  sendJson(res, 200, {
    _id: `id-${repo.id}`,
    id: repo.id,
    author: repo.id.split('/')[0],
    sha: commit.oid,
    private: repo.private,
    gated: false,
    disabled: false,
    createdAt: repo.createdAt,
    lastModified: commit.date,
    siblings: [...commit.files.keys()].sort().map((rfilename) => ({ rfilename })),
    tags: [],
    likes: 0,
    downloads: 0,
  });
}

/** Python's upload_folder checks a README's front matter first: an unclosed block is refused. */
export async function validateYaml(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readJson(req);
  const content = String(body.content ?? '');
  const unclosed = content.startsWith('---') && !/^---\r?\n[\s\S]*?\r?\n---\s*(\r?\n|$)/.test(content);
  if (unclosed) {
    sendJson(res, 400, {
      error: 'Invalid YAML',
      errors: [{ message: 'the metadata block is not closed by ---' }],
    });
    return;
  }
  sendJson(res, 200, { errors: [], warnings: [] });
}

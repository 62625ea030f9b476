// Preupload (which files go through LFS) and the NDJSON commit, applied atomically: every line is
// checked before anything changes, and a stale `parentCommit` gets 412.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TYPE_OF_PLURAL, WEB_PREFIX, writableRepo, type RouteContext } from './context';
import { HubError, readBody, readJson, sendJson } from './http-util';
import { pathProblem } from './repo-path';
import { lfsFile, regularFile, type Repo, type StoredFile } from './store';
import { looksBinary, MAX_REGULAR_BYTES, mustBeLfs } from './upload-mode';

interface RepoParams {
  plural: string;
  id: string;
  rev: string;
}

export async function preupload(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: RepoParams,
): Promise<void> {
  const repo = writableRepo(ctx, req, TYPE_OF_PLURAL[params.plural], params.id);
  const body = await readJson(req);
  if (!Array.isArray(body.files)) throw new HubError(400, 'Invalid body: files must be an array');
  const current = ctx.store.resolveRevision(repo, params.rev);
  const files = body.files.map((entry: { path?: unknown; size?: unknown; sample?: unknown }) => {
    const problem = pathProblem(entry.path);
    if (problem) throw new HubError(400, `Invalid preupload entry: ${problem}`);
    const path = entry.path as string;
    const sample = Buffer.from(typeof entry.sample === 'string' ? entry.sample : '', 'base64');
    const size = Number(entry.size ?? 0);
    const existing = current?.files.get(path);
    return {
      path,
      uploadMode: mustBeLfs(path, size, sample) ? 'lfs' : 'regular',
      shouldIgnore: false,
      ...(existing ? { oid: existing.oid } : {}),
    };
  });
  sendJson(res, 200, { files });
}

interface CommitLine {
  key: string;
  value: Record<string, unknown>;
}

function parseLines(text: string): CommitLine[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, index) => {
    try {
      const parsed = JSON.parse(line) as CommitLine;
      if (typeof parsed.key !== 'string' || typeof parsed.value !== 'object' || parsed.value === null)
        throw new Error();
      return parsed;
    } catch {
      throw new HubError(400, `Invalid NDJSON line ${index + 1}`);
    }
  });
}

function checkedPath(value: Record<string, unknown>): string {
  const problem = pathProblem(value.path);
  if (problem) throw new HubError(400, `Invalid commit entry: ${problem}`);
  return value.path as string;
}

function regularEntry(value: Record<string, unknown>): StoredFile {
  const path = checkedPath(value);
  const encoding = value.encoding ?? 'utf-8';
  const content = Buffer.from(String(value.content ?? ''), encoding === 'base64' ? 'base64' : 'utf8');
  if (content.length > MAX_REGULAR_BYTES) {
    throw new HubError(
      400,
      `Your push was rejected because it contains files larger than 10 MiB (${path}). Please use https://git-lfs.github.com/ to store large files.`,
    );
  }
  if (looksBinary(content)) {
    throw new HubError(
      400,
      `Your push was rejected because it contains binary files (${path}). Please use Xet or LFS.`,
    );
  }
  return regularFile(content);
}

function lfsEntry(repo: Repo, value: Record<string, unknown>): StoredFile {
  const path = checkedPath(value);
  const oid = String(value.oid ?? '');
  const stored = repo.lfs.get(oid);
  if (!stored) throw new HubError(422, `LFS object ${oid} for ${path} was never uploaded`);
  if (value.size !== undefined && Number(value.size) !== stored.length) {
    throw new HubError(
      422,
      `LFS object ${oid} for ${path} has size ${stored.length}, not ${String(value.size)}`,
    );
  }
  return lfsFile(oid, stored.length);
}

function applyLines(repo: Repo, base: Map<string, StoredFile>, lines: CommitLine[]): Map<string, StoredFile> {
  const files = new Map(base);
  for (const { key, value } of lines) {
    if (key === 'file') files.set(checkedPath(value), regularEntry(value));
    else if (key === 'lfsFile') files.set(checkedPath(value), lfsEntry(repo, value));
    else if (key === 'deletedFile') {
      const path = checkedPath(value);
      if (!files.delete(path)) throw new HubError(404, `Entry not found: ${path}`, 'EntryNotFound');
    } else if (key === 'deletedFolder') {
      const prefix = `${checkedPath(value)}/`;
      for (const path of [...files.keys()]) if (path.startsWith(prefix)) files.delete(path);
    } else throw new HubError(400, `Unknown commit line key: ${key}`);
  }
  return files;
}

export async function commit(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: RepoParams,
): Promise<void> {
  const repo = writableRepo(ctx, req, TYPE_OF_PLURAL[params.plural], params.id);
  const [header, ...lines] = parseLines((await readBody(req)).toString('utf8'));
  if (header?.key !== 'header') throw new HubError(400, 'The first NDJSON line must be the header');
  const branch = params.rev;
  const head = ctx.store.head(repo, branch);
  if (!head) throw new HubError(404, `Invalid rev id: ${branch}`, 'RevisionNotFound');
  const parent = header.value.parentCommit;
  if (typeof parent === 'string' && parent !== head.oid) {
    throw new HubError(412, `A commit has happened since ${parent}. Please refresh and try again.`);
  }
  const files = applyLines(repo, head.files, lines);
  const made = ctx.store.addCommit(repo, branch, {
    title: String(header.value.summary ?? ''),
    description: String(header.value.description ?? ''),
    files,
  });
  sendJson(res, 200, {
    success: true,
    commitOid: made.oid,
    commitUrl: `${ctx.baseUrl}/${WEB_PREFIX[repo.type]}${repo.id}/commit/${made.oid}`,
    hookOutput: '',
  });
}

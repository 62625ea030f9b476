// What the repo holds now: its head commit and its files keyed by path, so a push sends only what
// changed (an LFS file is unchanged when its sha256 matches, a regular one when its git blob id does).
import { datasetInfo, listFiles } from '@huggingface/hub';
import type { FileHashes } from './staged-files';

export interface RemoteFile {
  oid?: string;
  size: number;
  lfsOid?: string;
}

export interface HubTarget {
  repo: string;
  hubUrl: string;
  accessToken: string;
  fetch: typeof fetch;
}

const repoOf = (target: HubTarget) => ({ type: 'dataset' as const, name: target.repo });

export async function remoteFiles(target: HubTarget): Promise<Map<string, RemoteFile>> {
  const files = new Map<string, RemoteFile>();
  const listing = listFiles({
    repo: repoOf(target),
    recursive: true,
    revision: 'main',
    hubUrl: target.hubUrl,
    accessToken: target.accessToken,
    fetch: target.fetch,
  });
  for await (const entry of listing) {
    if (entry.type !== 'file') continue;
    files.set(entry.path, { oid: entry.oid, size: entry.size, lfsOid: entry.lfs?.oid });
  }
  return files;
}

export async function remoteHead(target: HubTarget): Promise<string> {
  const info = await datasetInfo({
    name: target.repo,
    revision: 'main',
    additionalFields: ['sha'],
    hubUrl: target.hubUrl,
    accessToken: target.accessToken,
    fetch: target.fetch,
  });
  return info.sha;
}

export function sameContent(remote: RemoteFile | undefined, size: number, hashes: FileHashes): boolean {
  if (!remote || remote.size !== size) return false;
  return remote.lfsOid !== undefined ? remote.lfsOid === hashes.sha256 : remote.oid === hashes.gitOid;
}

/** Top-level folders the layout writes: remote files there that the layout lacks are stale. */
export function staleRemotePaths(remote: Map<string, RemoteFile>, localPaths: string[]): string[] {
  const local = new Set(localPaths);
  const folders = new Set(
    localPaths.filter((p) => p.includes('/')).map((p) => p.slice(0, p.indexOf('/') + 1)),
  );
  return [...remote.keys()].filter(
    (path) => !local.has(path) && [...folders].some((f) => path.startsWith(f)),
  );
}

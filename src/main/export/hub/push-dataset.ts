// One push of a dataset layout (already written to a staging folder) to a Hub dataset repo:
// create the repo if missing, send only what the repo lacks, in commits chained by
// `parentCommit`, the advertising files last (plan-commits.ts). Cancel through `signal`.
import { pathToFileURL } from 'node:url';
import { commitIter, createRepo, HubApiError, pathsInfo, type CommitOperation } from '@huggingface/hub';
import { createHubFetch, type RetryNotice } from './hub-fetch';
import { planCommits, type CommitPlan } from './plan-commits';
import { ProgressTracker, type PushProgress } from './push-progress';
import { describePushError } from './push-errors';
import { remoteFiles, remoteHead, sameContent, staleRemotePaths, type HubTarget } from './remote-state';
import type { RetryPolicy } from './retry-policy';
import { checkHubUrl } from './hub-url';
import { checkRepoId } from './repo-id';
import { hashFile, listStagedFiles, type FileHashes, type StagedFile } from './staged-files';

export const HUB_FORMATS = ['imagefolder', 'audiofolder', 'parquet'] as const;
export type HubFormat = (typeof HUB_FORMATS)[number];

export interface PushRequest {
  /** The staging folder holding the layout. */
  dir: string;
  /** `owner/name`. */
  repo: string;
  format: HubFormat;
  private: boolean;
  hubUrl?: string;
  token: string;
  tokenSource?: string;
  signal?: AbortSignal;
  onProgress?: (progress: PushProgress) => void;
  onRetry?: (notice: RetryNotice) => void;
  /** Keep the library's Xet uploads for the real Hub (default true). */
  useXet?: boolean;
  maxFilesPerCommit?: number;
  retryPolicy?: Partial<RetryPolicy>;
  /** The network below the retrying wrapper (tests). */
  fetch?: typeof fetch;
  summary?: string;
}

export interface PushResult {
  repo: string;
  /** The dataset's page on the Hub. */
  url: string;
  /** Head commit after the push (unchanged when nothing was new). */
  commit: string;
  commits: number;
  created: boolean;
  files: number;
  bytes: number;
  uploadedFiles: number;
  uploadedBytes: number;
}

async function ensureRepo(target: HubTarget, isPrivate: boolean): Promise<boolean> {
  try {
    await createRepo({
      repo: { type: 'dataset', name: target.repo },
      visibility: isPrivate ? 'private' : 'public',
      hubUrl: target.hubUrl,
      accessToken: target.accessToken,
      fetch: target.fetch,
    });
    return true;
  } catch (error) {
    if (error instanceof HubApiError && error.statusCode === 409) return false;
    throw error;
  }
}

async function hashAll(files: StagedFile[]): Promise<Map<string, FileHashes>> {
  const hashes = new Map<string, FileHashes>();
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) hashes.set(file.path, await hashFile(file));
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return hashes;
}

function operationsOf(plan: CommitPlan<StagedFile>): CommitOperation[] {
  return [
    ...plan.uploads.map((file) => ({
      operation: 'addOrUpdate' as const,
      path: file.path,
      content: pathToFileURL(file.absolute),
    })),
    ...plan.deletions.map((path) => ({ operation: 'delete' as const, path })),
  ];
}

/**
 * After the commit POST failed without an answer, whether it landed anyway: the head moved and
 * holds exactly this commit's files. The head when it did, else undefined.
 */
async function landedHead(
  target: HubTarget,
  parent: string,
  plan: CommitPlan<StagedFile>,
  hashes: Map<string, FileHashes>,
): Promise<string | undefined> {
  const head = await remoteHead(target).catch(() => parent);
  if (head === parent || plan.uploads.length === 0) return undefined;
  const infos = await pathsInfo({
    repo: { type: 'dataset', name: target.repo },
    paths: plan.uploads.map((f) => f.path),
    revision: head,
    hubUrl: target.hubUrl,
    accessToken: target.accessToken,
    fetch: target.fetch,
  });
  const byPath = new Map(infos.map((info) => [info.path, info]));
  const all = plan.uploads.every((file) => {
    const info = byPath.get(file.path);
    return sameContent(
      info && { oid: info.oid, size: info.size, lfsOid: info.lfs?.oid },
      file.size,
      hashes.get(file.path)!,
    );
  });
  return all ? head : undefined;
}

export async function pushDataset(request: PushRequest): Promise<PushResult> {
  const hubUrl = checkHubUrl(request.hubUrl);
  const target: HubTarget = {
    repo: request.repo,
    hubUrl,
    accessToken: request.token,
    fetch: createHubFetch({ fetch: request.fetch, policy: request.retryPolicy, onRetry: request.onRetry }),
  };
  let step = 'checking the repo id';
  const fail = (error: unknown) =>
    describePushError(error, {
      repo: request.repo,
      hubUrl,
      token: request.token,
      tokenSource: request.tokenSource,
      step,
    });
  try {
    checkRepoId(request.repo);
    step = 'creating the repo';
    const created = await ensureRepo(target, request.private);
    step = 'comparing with the repo';
    const staged = await listStagedFiles(request.dir);
    const hashes = await hashAll(staged);
    const remote = await remoteFiles(target);
    const uploads = staged.filter(
      (file) => !sameContent(remote.get(file.path), file.size, hashes.get(file.path)!),
    );
    const deletions = staleRemotePaths(
      remote,
      staged.map((f) => f.path),
    );
    const plans = planCommits(uploads, deletions, {
      singleCommit: request.format === 'parquet',
      maxFiles: request.maxFilesPerCommit,
    });
    const sizes = new Map(staged.map((f) => [f.path, f.size]));
    const uploadedBytes = uploads.reduce((sum, f) => sum + f.size, 0);
    const tracker = new ProgressTracker(
      { bytes: uploadedBytes, files: uploads.length, commits: plans.length },
      (progress) => request.onProgress?.(progress),
    );
    let head = await remoteHead(target);
    for (const [index, plan] of plans.entries()) {
      request.signal?.throwIfAborted();
      step = `uploading commit ${index + 1} of ${plans.length}`;
      tracker.startCommit(index + 1);
      const summary = request.summary ?? `Flagdeck: push ${staged.length} files`;
      const iterator = commitIter({
        repo: { type: 'dataset', name: request.repo },
        title: plans.length > 1 ? `${summary} (commit ${index + 1}/${plans.length})` : summary,
        description:
          index === plans.length - 1
            ? 'Pushed by Flagdeck.'
            : 'Pushed by Flagdeck; the dataset card comes last.',
        operations: operationsOf(plan),
        parentCommit: head,
        hubUrl,
        accessToken: request.token,
        fetch: target.fetch,
        abortSignal: request.signal,
        useXet: request.useXet ?? true,
      });
      let committing = false;
      try {
        for (let next = await iterator.next(); ; next = await iterator.next()) {
          if (next.done) {
            head = next.value?.commit.oid ?? head;
            break;
          }
          if (next.value.event === 'phase' && next.value.phase === 'committing') committing = true;
          tracker.onEvent(next.value, (path) => sizes.get(path) ?? 0);
        }
      } catch (error) {
        const lostAnswer = committing && !(error instanceof HubApiError) && !request.signal?.aborted;
        const landed = lostAnswer ? await landedHead(target, head, plan, hashes) : undefined;
        if (landed === undefined) throw error;
        head = landed;
      }
      tracker.commitLanded(plan.uploads);
    }
    tracker.finish();
    return {
      repo: request.repo,
      url: `${hubUrl}/datasets/${request.repo}`,
      commit: head,
      commits: plans.length,
      created,
      files: staged.length,
      bytes: staged.reduce((sum, f) => sum + f.size, 0),
      uploadedFiles: uploads.length,
      uploadedBytes,
    };
  } catch (error) {
    throw fail(error);
  }
}

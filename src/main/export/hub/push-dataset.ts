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

/** What this push sends: the staged files the repo lacks, in planned commits. */
interface PushPlan {
  staged: StagedFile[];
  hashes: Map<string, FileHashes>;
  uploads: StagedFile[];
  commits: CommitPlan<StagedFile>[];
}

async function planPush(target: HubTarget, request: PushRequest): Promise<PushPlan> {
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
  const commits = planCommits(uploads, deletions, {
    singleCommit: request.format === 'parquet',
    maxFiles: request.maxFilesPerCommit,
  });
  return { staged, hashes, uploads, commits };
}

interface CommitRun {
  target: HubTarget;
  request: PushRequest;
  plan: PushPlan;
  tracker: ProgressTracker;
  sizes: Map<string, number>;
}

/** One planned commit on top of `head`; the new head. */
async function runCommit(run: CommitRun, index: number, head: string): Promise<string> {
  const { target, request, plan, tracker } = run;
  const count = plan.commits.length;
  const commit = plan.commits[index];
  const summary = request.summary ?? `Flagdeck: push ${plan.staged.length} files`;
  const iterator = commitIter({
    repo: { type: 'dataset', name: request.repo },
    title: count > 1 ? `${summary} (commit ${index + 1}/${count})` : summary,
    description:
      index === count - 1 ? 'Pushed by Flagdeck.' : 'Pushed by Flagdeck; the dataset card comes last.',
    operations: operationsOf(commit),
    parentCommit: head,
    hubUrl: target.hubUrl,
    accessToken: target.accessToken,
    fetch: target.fetch,
    abortSignal: request.signal,
    useXet: request.useXet ?? true,
  });
  let committing = false;
  try {
    for (let next = await iterator.next(); ; next = await iterator.next()) {
      if (next.done) return next.value?.commit.oid ?? head;
      if (next.value.event === 'phase' && next.value.phase === 'committing') committing = true;
      tracker.onEvent(next.value, (path) => run.sizes.get(path) ?? 0);
    }
  } catch (error) {
    // The commit POST is never retried; when its answer was lost, look whether it landed.
    const lostAnswer = committing && !(error instanceof HubApiError) && !request.signal?.aborted;
    const landed = lostAnswer ? await landedHead(target, head, commit, plan.hashes) : undefined;
    if (landed === undefined) throw error;
    return landed;
  }
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
  try {
    checkRepoId(request.repo);
    step = 'creating the repo';
    const created = await ensureRepo(target, request.private);
    step = 'comparing with the repo';
    const plan = await planPush(target, request);
    const uploadedBytes = plan.uploads.reduce((sum, f) => sum + f.size, 0);
    const tracker = new ProgressTracker(
      { bytes: uploadedBytes, files: plan.uploads.length, commits: plan.commits.length },
      (progress) => request.onProgress?.(progress),
    );
    const run: CommitRun = {
      target,
      request,
      plan,
      tracker,
      sizes: new Map(plan.staged.map((f) => [f.path, f.size])),
    };
    let head = await remoteHead(target);
    for (const [index, commit] of plan.commits.entries()) {
      request.signal?.throwIfAborted();
      step = `uploading commit ${index + 1} of ${plan.commits.length}`;
      tracker.startCommit(index + 1);
      head = await runCommit(run, index, head);
      tracker.commitLanded(commit.uploads);
    }
    tracker.finish();
    return {
      repo: request.repo,
      url: `${hubUrl}/datasets/${request.repo}`,
      commit: head,
      commits: plan.commits.length,
      created,
      files: plan.staged.length,
      bytes: plan.staged.reduce((sum, f) => sum + f.size, 0),
      uploadedFiles: plan.uploads.length,
      uploadedBytes,
    };
  } catch (error) {
    const { repo, token, tokenSource } = request;
    throw describePushError(error, { repo, hubUrl, token, tokenSource, step });
  }
}

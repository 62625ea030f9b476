// A selection of the workspace pushed to the Hub: the dataset layout is written to a temp staging
// folder by the exporter's own writeDatasetLayout, pushed, and the staging folder removed, whatever
// happened.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportSelection } from '../../../shared/api';
import type { DatasetFormat, ExportPrivacy, SkippedSample } from '../../../shared/export';
import type { ExportSource } from '../source';
import { writeDatasetLayout } from '../write-dataset';
import type { RetryNotice } from './hub-fetch';
import { pushDataset, type PushResult } from './push-dataset';
import { checkRepoId } from './repo-id';
import type { PushProgress } from './push-progress';
import type { HubToken } from './token';

export interface PushSelectionRequest {
  selection: ExportSelection;
  format: DatasetFormat;
  privacy: ExportPrivacy;
  repo: string;
  private: boolean;
  hubUrl?: string;
}

/** Writing the layout (samples), then the push itself (bytes). */
export type PushJobProgress = { phase: 'writing'; done: number; total: number; bytes: number } | PushProgress;

export interface PushSelectionOptions {
  token: HubToken;
  signal?: AbortSignal;
  onProgress?: (progress: PushJobProgress) => void;
  onRetry?: (notice: RetryNotice) => void;
  keyFile?: string;
  /** Tests: the network below the retrying fetch, and the retry timing. */
  fetch?: typeof fetch;
  retryPolicy?: Parameters<typeof pushDataset>[0]['retryPolicy'];
  useXet?: boolean;
}

export interface PushSelectionResult extends PushResult {
  rows: number;
  skipped: SkippedSample[];
}

export async function pushSelection(
  source: ExportSource,
  request: PushSelectionRequest,
  options: PushSelectionOptions,
): Promise<PushSelectionResult> {
  checkRepoId(request.repo);
  const staging = await mkdtemp(join(tmpdir(), 'flagdeck-push-'));
  try {
    const layout = await writeDatasetLayout(
      source,
      { selection: request.selection, format: request.format, privacy: request.privacy },
      staging,
      {
        signal: options.signal,
        keyFile: options.keyFile,
        onProgress: ({ done, total, bytes }) =>
          options.onProgress?.({ phase: 'writing', done, total, bytes }),
      },
    );
    const pushed = await pushDataset({
      dir: staging,
      repo: request.repo,
      format: request.format,
      private: request.private,
      hubUrl: request.hubUrl,
      token: options.token.token,
      tokenSource: options.token.source,
      signal: options.signal,
      onProgress: (p) => options.onProgress?.(p),
      onRetry: options.onRetry,
      fetch: options.fetch,
      retryPolicy: options.retryPolicy,
      useXet: options.useXet,
      summary: `Flagdeck: push ${layout.rows} samples`,
    });
    return { ...pushed, rows: layout.rows, skipped: layout.skipped };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// `export.start` with a Hub target: what is refused at once (a bad repo id or URL, no token) and the
// push run as an export job, its progress reported in the contract's terms (samples while the
// layout is written, then bytes sent of bytes to send).
import type { ExportStart } from '../../../shared/api';
import type { ExportProgress, ExportResult, HubExportTarget } from '../../../shared/export';
import type { ExportSource } from '../source';
import { checkHubUrl } from './hub-url';
import { PushError } from './push-error';
import type { PushJobProgress, PushSelectionOptions } from './push-selection';
import { checkRepoId } from './repo-id';
import { findHubToken, missingTokenMessage, type HubToken, type TokenLookup } from './token';

export type HubStart = ExportStart & { target: HubExportTarget };

export interface HubJobOptions extends TokenLookup {
  source: ExportSource;
  keyFile?: string;
  /** The endpoint when the dialog gives none (the setting; `flagdeck serve --hub-url`). */
  defaultHubUrl?: string;
  /** Tests: the network below the retrying fetch, retry timing, Xet. */
  push?: Pick<PushSelectionOptions, 'fetch' | 'retryPolicy' | 'useXet'>;
}

export type ProgressReport = Omit<ExportProgress, 'jobId'>;

export interface HubJob {
  /** Refuses, in words for the dialog, what cannot work; resolves the token. */
  prepare(start: HubStart): Promise<HubToken>;
  run(
    start: HubStart,
    token: HubToken,
    signal: AbortSignal,
    report: (p: ProgressReport) => void,
  ): Promise<ExportResult>;
}

function reportOf(progress: PushJobProgress): ProgressReport {
  if (progress.phase === 'writing') return progress;
  return {
    phase: progress.phase,
    done: progress.filesDone,
    total: progress.filesTotal,
    bytes: progress.bytesSent,
    bytesTotal: progress.bytesTotal,
    commit: progress.commit,
    commits: progress.commits,
  };
}

export function createHubJob(options: HubJobOptions): HubJob {
  const hubUrlOf = (start: HubStart) => checkHubUrl(start.target.hubUrl || options.defaultHubUrl);
  return {
    async prepare(start) {
      checkRepoId(start.target.repo);
      hubUrlOf(start);
      const token = await findHubToken(options);
      if (!token) throw new PushError(missingTokenMessage(options.env, options.home));
      return token;
    },
    async run(start, token, signal, report) {
      const { target } = start;
      // Loaded on first push: the Hub client is not needed to review.
      const { pushSelection } = await import('./push-selection');
      const result = await pushSelection(
        options.source,
        {
          selection: start.selection,
          format: target.format,
          privacy: start.privacy,
          repo: target.repo,
          private: target.private,
          hubUrl: hubUrlOf(start),
        },
        { ...options.push, token, signal, keyFile: options.keyFile, onProgress: (p) => report(reportOf(p)) },
      );
      return {
        rows: result.rows,
        files: result.files,
        bytes: result.bytes,
        out: result.repo,
        url: result.url,
        commit: result.commit,
        skipped: result.skipped,
      };
    },
  };
}

// The Hub push as an export target (`export.start` with `{ kind: 'hub' }`): `check` refuses at once
// what cannot work (a bad repo id or Hub URL, no token), `run` pushes, reporting samples while the
// layout is written, then bytes sent of bytes to send.
import type { ExportStart } from '../../../shared/api';
import type { HubExportTarget } from '../../../shared/export';
import type { ExportSource } from '../source';
import type { TargetRunner } from '../target-runners';
import type { LayoutProgress } from '../write-dataset';
import { checkRequestedHubUrl } from './hub-url';
import { PushError } from './push-error';
import type { PushJobProgress, PushSelectionOptions } from './push-selection';
import { checkRepoId } from './repo-id';
import { findHubToken, missingTokenMessage, type HubToken, type TokenLookup } from './token';

export interface HubRunnerOptions extends TokenLookup {
  source: ExportSource;
  keyFile?: string;
  /** The endpoint when the dialog names none (the app's setting; HF_ENDPOINT). */
  defaultHubUrl?: string;
  /** Tests: the network below the retrying fetch, retry timing, Xet. */
  push?: Pick<PushSelectionOptions, 'fetch' | 'retryPolicy' | 'useXet'>;
}

function hubTargetOf(start: ExportStart): HubExportTarget {
  if (start.target.kind !== 'hub') throw new Error(`not a hub target: ${start.target.kind}`);
  return start.target;
}

function progressOf(progress: PushJobProgress): LayoutProgress {
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

export function hubRunner(options: HubRunnerOptions): TargetRunner {
  const hubUrlOf = (target: HubExportTarget) => checkRequestedHubUrl(target.hubUrl, options.defaultHubUrl);
  const token = async (): Promise<HubToken> => {
    const found = await findHubToken(options);
    if (!found) throw new PushError(missingTokenMessage(options.env, options.home));
    return found;
  };
  return {
    async check(start) {
      const target = hubTargetOf(start);
      checkRepoId(target.repo);
      hubUrlOf(target);
      await token();
    },
    async run(start, layout) {
      const target = hubTargetOf(start);
      // Loaded on first push: reviewing never needs the Hub client.
      const { pushSelection } = await import('./push-selection');
      const result = await pushSelection(
        options.source,
        {
          selection: start.selection,
          format: target.format,
          privacy: start.privacy,
          repo: target.repo,
          private: target.private,
          hubUrl: hubUrlOf(target),
        },
        {
          ...options.push,
          token: await token(),
          signal: layout.signal,
          keyFile: layout.keyFile ?? options.keyFile,
          onProgress: (p) => layout.onProgress?.(progressOf(p)),
        },
      );
      const { rows, files, bytes, repo, url, commit, skipped } = result;
      return { rows, files, bytes, out: repo, url, commit, skipped };
    },
  };
}

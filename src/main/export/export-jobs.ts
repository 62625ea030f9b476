// Export jobs behind `export.start` / `export.cancel`: each runs in the background, reports
// `exportProgress` (at most every 100 ms) and ends with one `exportFinished`, carrying the result,
// the error in words, or `cancelled`. What can be refused at once (an existing output, an empty
// selection) is refused by `export.start` itself, so the dialog shows it where the user clicked.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ExportStart, Handlers } from '../../shared/api';
import type { ExportResult } from '../../shared/export';
import type { Emit } from '../workspace/options';
import { emptySelectionError } from './empty-selection';
import { exportToFolder, OutputExistsError } from './export-to-folder';
import { selectionFilter, type ExportSource } from './source';
import { exportSummary } from './summary';
import type { HubJob, ProgressReport } from './hub/hub-job';
import type { LayoutOptions } from './write-dataset';

const PROGRESS_MS = 100;

export type ExportCalls = 'export.summary' | 'export.start' | 'export.cancel';

export interface ExportJobsOptions {
  source: ExportSource;
  emit: Emit;
  /** Where the pseudonym key is kept. */
  keyFile?: string;
  log?(message: string): void;
  /** Runs `{ kind: 'hub' }` targets (the Hub push); without it they are refused. */
  hub?: HubJob;
}

/** Runs one kind of target; the Hub push registers its own kind here. */
export type TargetRunner = (start: ExportStart, options: LayoutOptions) => Promise<ExportResult>;

type Report = (progress: ProgressReport) => void;
/** A job ready to run once `export.start` has accepted it. */
type Work = (signal: AbortSignal, report: Report) => Promise<ExportResult>;

export function exportHandlers(options: ExportJobsOptions): Pick<Handlers, ExportCalls> {
  const jobs = new Map<string, AbortController>();
  const { source, emit } = options;

  const runFolder: TargetRunner = (start, layout) => {
    if (start.target.kind !== 'folder') throw new Error('not a folder export');
    return exportToFolder(
      source,
      { ...start.target, selection: start.selection, privacy: start.privacy },
      layout,
    );
  };

  /** Refuses at once what cannot work (shown where the user clicked); else the work to run. */
  async function prepare(start: ExportStart): Promise<Work> {
    const { total } = await source.facets(selectionFilter(start.selection));
    if (total === 0) throw await emptySelectionError(source, start.selection);
    const target = start.target;
    if (target.kind === 'hub') {
      const hub = options.hub;
      if (!hub) throw new Error('Pushing to the Hub is not available here');
      const hubStart = { ...start, target };
      const token = await hub.prepare(hubStart);
      return (signal, report) => hub.run(hubStart, token, signal, report);
    }
    const out = resolve(target.out);
    if (!target.overwrite && (await stat(out).catch(() => undefined))) {
      throw new OutputExistsError(`${out} already exists; choose another folder or allow overwriting it`);
    }
    return (signal, report) =>
      runFolder(start, {
        signal,
        keyFile: options.keyFile,
        onProgress: ({ done, total, bytes }) => report({ done, total, bytes, phase: 'writing' }),
      });
  }

  function run(jobId: string, work: Work, controller: AbortController): void {
    let last = 0;
    let lastPhase = '';
    const report: Report = (progress) => {
      const now = Date.now();
      const finished = progress.done >= progress.total && progress.phase === 'writing';
      if (now - last < PROGRESS_MS && progress.phase === lastPhase && !finished) return;
      last = now;
      lastPhase = progress.phase;
      emit('exportProgress', { jobId, ...progress });
    };
    work(controller.signal, report)
      .then(
        (result) => emit('exportFinished', { jobId, result }),
        (error: unknown) => {
          if (controller.signal.aborted)
            emit('exportFinished', { jobId, cancelled: true, error: 'cancelled' });
          else {
            options.log?.(
              `export ${jobId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
            emit('exportFinished', { jobId, error: error instanceof Error ? error.message : String(error) });
          }
        },
      )
      .finally(() => jobs.delete(jobId));
  }

  return {
    'export.summary': (selection) => exportSummary(source, selection),
    'export.start': async (start) => {
      const work = await prepare(start);
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      emit('exportProgress', { jobId, done: 0, total: 0, bytes: 0, phase: 'starting' });
      run(jobId, work, controller);
      return { jobId };
    },
    'export.cancel': async ({ jobId }) => {
      jobs.get(jobId)?.abort();
      return {};
    },
  };
}

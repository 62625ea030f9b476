// Export jobs behind `export.start` / `export.cancel`: each runs in the background, reports
// `exportProgress` (at most every 100 ms) and ends with one `exportFinished`, carrying the result,
// the error in words, or `cancelled`. What can be refused at once (an existing output, an empty
// selection) is refused by `export.start` itself, so the dialog shows it where the user clicked.
import { randomUUID } from 'node:crypto';
import type { ExportSelection, ExportStart, Handlers } from '../../shared/api';
import type { ExportFiles } from '../../shared/export';
import type { Emit } from '../workspace/options';
import { emptySelectionError } from './empty-selection';
import { selectionFilter, type ExportSource } from './source';
import { folderRunner, type TargetRunner, type TargetRunners } from './target-runners';
import { exportFiles, exportSummary } from './summary';
import type { LayoutOptions } from './write-dataset';

const PROGRESS_MS = 100;

export type ExportCalls = 'export.summary' | 'export.files' | 'export.start' | 'export.cancel';

export interface ExportJobsOptions {
  source: ExportSource;
  emit: Emit;
  /** Where the pseudonym key is kept. */
  keyFile?: string;
  log?(message: string): void;
  /** Runners for target kinds beyond `folder` (the Hub push adds `hub`). */
  runners?: Partial<TargetRunners>;
}

export function exportHandlers(options: ExportJobsOptions): Pick<Handlers, ExportCalls> {
  const jobs = new Map<string, AbortController>();
  const { source, emit } = options;
  // One count per selection at a time: a dialog reopened (or another tab) on the same selection
  // waits for the count under way instead of reading every row again beside it.
  const counting = new Map<string, Promise<ExportFiles>>();
  const filesOf = (selection: ExportSelection): Promise<ExportFiles> => {
    const key = JSON.stringify(selection);
    let count = counting.get(key);
    if (!count) {
      count = exportFiles(source, selection).finally(() => counting.delete(key));
      counting.set(key, count);
    }
    return count;
  };

  const runners: Partial<TargetRunners> = { folder: folderRunner(source), ...options.runners };
  const runnerFor = (start: ExportStart): TargetRunner => {
    const runner = runners[start.target.kind];
    if (!runner) throw new Error(`exporting to a ${start.target.kind} target is not available here`);
    return runner;
  };

  async function refuseEarly(start: ExportStart): Promise<void> {
    const { total } = await source.facets(selectionFilter(start.selection));
    if (total === 0) throw await emptySelectionError(source, start.selection);
    await runnerFor(start).check(start);
  }

  function run(jobId: string, start: ExportStart, controller: AbortController): void {
    let last = 0;
    const layout: LayoutOptions = {
      signal: controller.signal,
      keyFile: options.keyFile,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - last < PROGRESS_MS && progress.done < progress.total) return;
        last = now;
        emit('exportProgress', { jobId, ...progress, phase: progress.phase ?? 'writing' });
      },
    };
    runnerFor(start)
      .run(start, layout)
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
    'export.files': filesOf,
    'export.start': async (start) => {
      await refuseEarly(start);
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, controller);
      emit('exportProgress', { jobId, done: 0, total: 0, bytes: 0, phase: 'starting' });
      run(jobId, start, controller);
      return { jobId };
    },
    'export.cancel': async ({ jobId }) => {
      jobs.get(jobId)?.abort();
      return {};
    },
  };
}

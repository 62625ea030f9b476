// The `replay.*` calls of the contract: runs go on in the background, reporting `replayProgress`
// (at most every 100 ms) and one `replayFinished`. What can be refused at once (no app, a wrong
// mapping, an empty selection) is refused by `replay.start` itself, on the screen where the user
// clicked.
import { dirname } from 'node:path/posix';
import type { Handlers } from '../../shared/api';
import type { Emit } from '../workspace/options';
import { contentColumns } from './mapping';
import { runFilesBase } from './replay-media';
import type { ReplayService } from './replay-service';

const PROGRESS_MS = 100;

export type ReplayCalls =
  'replay.connect' | 'replay.start' | 'replay.cancel' | 'replay.runs' | 'replay.outcomes' | 'replay.result';

export function replayHandlers(
  service: ReplayService,
  emit: Emit,
  log?: (message: string) => void,
): Pick<Handlers, ReplayCalls> {
  const running = new Map<string, AbortController>();

  /**
   * The run folder as media URLs name it under the flagging folder, wherever it really is (a
   * read-only folder's runs are in the data folder): the media mount maps it back (replay-media.ts).
   */
  const filesBase = (run: string): string => dirname(runFilesBase(run));

  return {
    'replay.connect': async ({ folderId, app }) => {
      const { app: gradio, proposals } = await service.connect(folderId, app);
      gradio.close();
      const columns = new Set(
        service
          .folder(folderId)
          .logs.flatMap((log) => contentColumns(log.columns).map((column) => column.name)),
      );
      return {
        app,
        gradioVersion: gradio.gradioVersion,
        endpoints: gradio.endpoints,
        proposals: Object.fromEntries(proposals),
        columns: [...columns],
      };
    },
    'replay.start': async ({ folderId, app, apiName, mapping, ids, filter, concurrency, timeoutSeconds }) => {
      const prepared = await service.prepare({
        folderId,
        app,
        apiName,
        mapping,
        ...(ids ? { ids } : { filter }),
        concurrency,
        timeoutSeconds,
      });
      const { run, samples } = prepared.info;
      const controller = new AbortController();
      running.set(run, controller);
      let last = 0;
      prepared
        .run({
          signal: controller.signal,
          onResult: (_result, done, counts) => {
            const now = Date.now();
            if (now - last < PROGRESS_MS && done < samples.length) return;
            last = now;
            emit('replayProgress', { folderId, run, done, total: samples.length, counts });
          },
        })
        .then(
          (report) =>
            emit('replayFinished', {
              folderId,
              run,
              state: report.state,
              counts: report.counts,
              ...(report.message ? { message: report.message } : {}),
            }),
          (error: unknown) => {
            log?.(
              `replay ${run} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
            emit('replayFinished', {
              folderId,
              run,
              state: 'interrupted',
              counts: { replayed: 0, same: 0, changed: 0, errors: 0, skipped: 0 },
              message: error instanceof Error ? error.message : String(error),
            });
          },
        )
        .finally(() => running.delete(run));
      return { run, total: samples.length };
    },
    'replay.cancel': async ({ run }) => {
      running.get(run)?.abort();
      return {};
    },
    'replay.runs': async ({ folderId }) => ({ runs: await service.runs(folderId) }),
    'replay.outcomes': async ({ folderId, run }) => {
      return { outcomes: await service.outcomes(folderId, run), filesBase: filesBase(run) };
    },
    'replay.result': async ({ folderId, run, id }) => {
      return {
        result: (await service.result(folderId, run, id)) ?? null,
        filesBase: filesBase(run),
      };
    },
  };
}

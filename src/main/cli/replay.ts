// `flagdeck replay <folder> --app <url|space>`: the folder's flagged inputs sent again to a live
// Gradio app; each answer compared with the flagged output and stored under .flagdeck/replays/.
import { parseArgs } from '../platform/node-util';
import { ReviewStatus } from '../../shared/model';
import type { SampleFilter } from '../../shared/api';
import { DEFAULT_TIMEOUT_SECONDS, TimeoutSeconds, type ReplayCounts } from '../../shared/replay';
import { defaultDataDir } from '../review/location';
import { ConnectionFailed } from '../replay/gradio-app';
import { MappingError } from '../replay/mapping';
import { ReplayService, type ReplayReport } from '../replay/replay-service';
import { openWorkspaceForExport } from './open-workspace';
import { UsageError, type Command } from './command';
import { progressLine } from './progress-line';

const usage = `Usage:
  flagdeck replay <folder> --app <url|space-id> [--api-name /predict] [--map <column>=<input>]...
                  [--search TEXT] [--reason R]... [--status S]... [--concurrency N]
                  [--timeout SECONDS] [--json]
  flagdeck replay <folder> --resume <run-id> [--app <url|space-id>] [--timeout SECONDS] [--json]
  flagdeck replay <folder> --list [--json]

Sends the flagged inputs of the selected samples to the app's endpoint (default /predict) through
@gradio/client, compares each answer with the flagged output and stores the run under
<folder>/.flagdeck/replays/<run-id>/ (run.json, results.jsonl, output files). Gradio's log is
never touched. Columns map to the endpoint's inputs and outputs by label; --map changes one pair
(an output may be named too). A sample whose input file is missing is skipped with the reason.
Ctrl-C cancels; --resume replays the samples of a run that have no result yet.

Options:
  --search TEXT      only samples whose text cells or notes contain TEXT
  --reason R         only samples with this flag reason (repeatable)
  --status S         only samples with this review status (repeatable: ${ReviewStatus.options.join(', ')})
  --concurrency N    calls in flight at once (default 4)
  --timeout SECONDS  longest wait for one call's answer, time in the app's queue included
                     (default ${DEFAULT_TIMEOUT_SECONDS}; a resume keeps the run's): the call is
                     cancelled and retried with backoff, then recorded as that sample's error
  --json             print { "run", "endpoint", "replayed", "same", "changed", "errors", "skipped" }
                     (--list: the stored runs, newest first)
  --data-dir DIR     where journals of read-only folders go (default: ${defaultDataDir()})`;

interface ReplayArgs {
  folder: string;
  app?: string;
  apiName?: string;
  overrides: { column: string; slot: string }[];
  filter: SampleFilter;
  concurrency: number;
  timeoutSeconds?: number;
  json: boolean;
  list: boolean;
  resume?: string;
  dataDir: string;
}

function parse(argv: string[]): ReplayArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        app: { type: 'string' },
        'api-name': { type: 'string' },
        map: { type: 'string', multiple: true },
        search: { type: 'string' },
        reason: { type: 'string', multiple: true },
        status: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        list: { type: 'boolean' },
        resume: { type: 'string' },
        'data-dir': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [folder, ...extra] = positionals;
  if (!folder) throw new UsageError('missing <folder>');
  if (extra.length > 0) throw new UsageError(`replay takes one folder (also given: ${extra.join(' ')})`);
  if (!values.list && !values.app && !values.resume) throw new UsageError('--app <url|space-id> is required');
  const concurrency = Number(values.concurrency ?? '4');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError(`--concurrency must be a whole number from 1 to 64 (got "${values.concurrency}")`);
  const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutSeconds !== undefined && !TimeoutSeconds.safeParse(timeoutSeconds).success)
    throw new UsageError(`--timeout must be a number of seconds above 0 (got "${values.timeout}")`);
  return {
    folder,
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(values.app ? { app: values.app } : {}),
    ...(values['api-name'] ? { apiName: values['api-name'] } : {}),
    overrides: (values.map ?? []).map(parseMapPair),
    filter: filterOf(values),
    concurrency,
    json: values.json ?? false,
    list: values.list ?? false,
    ...(values.resume ? { resume: values.resume } : {}),
    dataDir: values['data-dir'] ?? defaultDataDir(),
  };
}

function parseMapPair(pair: string): { column: string; slot: string } {
  const at = pair.lastIndexOf('=');
  if (at <= 0 || at === pair.length - 1) throw new UsageError(`--map takes <column>=<input> (got "${pair}")`);
  return { column: pair.slice(0, at), slot: pair.slice(at + 1) };
}

function filterOf(values: { search?: string; reason?: string[]; status?: string[] }): SampleFilter {
  const statuses = (values.status ?? []).map((status) => {
    const parsed = ReviewStatus.safeParse(status);
    if (!parsed.success)
      throw new UsageError(`unknown --status "${status}" (${ReviewStatus.options.join(', ')})`);
    return parsed.data;
  });
  return {
    ...(values.search ? { text: values.search } : {}),
    ...(values.reason ? { reasons: values.reason } : {}),
    ...(statuses.length > 0 ? { statuses } : {}),
  };
}

function replayingText(done: number, total: number, counts: ReplayCounts): string {
  const { same, changed, errors, skipped } = counts;
  return `replaying ${done} / ${total}: ${same} same, ${changed} changed, ${errors} errors, ${skipped} skipped`;
}

function reportJson(report: ReplayReport): string {
  const { run, endpoint, counts } = report;
  return JSON.stringify({
    run,
    endpoint,
    replayed: counts.replayed,
    same: counts.same,
    changed: counts.changed,
    errors: counts.errors,
    skipped: counts.skipped,
    state: report.state,
    ...(report.message ? { message: report.message } : {}),
  });
}

function reportText(report: ReplayReport): string {
  const { counts } = report;
  const head =
    report.state === 'finished'
      ? 'replayed'
      : report.state === 'cancelled'
        ? 'cancelled after'
        : 'interrupted after';
  return (
    `${head} ${counts.replayed} of ${report.total} samples against ${report.endpoint}: ` +
    `${counts.same} same, ${counts.changed} changed, ${counts.errors} errors, ${counts.skipped} skipped\n` +
    `run ${report.run} in ${report.dir}` +
    (report.state === 'finished' ? '' : `\nresume with: flagdeck replay <folder> --resume ${report.run}`)
  );
}

async function listRuns(service: ReplayService, folderId: string, json: boolean): Promise<number> {
  const runs = await service.runs(folderId);
  if (json) console.log(JSON.stringify(runs));
  else if (runs.length === 0) console.log('no replay runs');
  else
    for (const run of runs)
      console.log(
        `${run.run}  ${run.state.padEnd(11)} ${run.endpoint} @ ${run.app}  ${run.counts.same} same, ${run.counts.changed} changed, ${run.counts.errors} errors, ${run.counts.skipped} skipped (of ${run.total})`,
      );
  return 0;
}

export const replayCommand: Command = {
  name: 'replay',
  usage,
  async run(argv) {
    const args = parse(argv);
    const { ws, close } = await openWorkspaceForExport([args.folder], args.dataDir);
    const cancel = new AbortController();
    const onInterrupt = () => cancel.abort();
    process.once('SIGINT', onInterrupt);
    let total = 0;
    const progress = progressLine();
    try {
      const folderId = ws.info().folders[0]?.id;
      if (!folderId) throw new Error(`${args.folder} was not opened`);
      const service = new ReplayService(ws, args.dataDir);
      if (args.list) return await listRuns(service, folderId, args.json);
      const callbacks = {
        signal: cancel.signal,
        onStart: (run: { samples: string[] }) => (total = run.samples.length),
        onResult: (_result: unknown, done: number, counts: ReplayCounts) =>
          progress.show(() => replayingText(done, total, counts)),
      };
      const report = args.resume
        ? await service.resume(folderId, args.resume, {
            ...(args.app ? { app: args.app } : {}),
            concurrency: args.concurrency,
            ...(args.timeoutSeconds !== undefined ? { timeoutSeconds: args.timeoutSeconds } : {}),
            ...callbacks,
          })
        : await service.start(
            {
              folderId,
              app: args.app ?? '',
              ...(args.apiName ? { apiName: args.apiName } : {}),
              overrides: args.overrides,
              filter: args.filter,
              concurrency: args.concurrency,
              ...(args.timeoutSeconds !== undefined ? { timeoutSeconds: args.timeoutSeconds } : {}),
            },
            callbacks,
          );
      progress.done();
      console.log(args.json ? reportJson(report) : reportText(report));
      return report.state === 'finished' ? 0 : 1;
    } catch (error) {
      progress.done();
      if (error instanceof MappingError || error instanceof ConnectionFailed) {
        console.error(`flagdeck replay: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      process.off('SIGINT', onInterrupt);
      await close();
    }
  },
};

// `flagdeck inspect <folder> [--json]`: per log, its layout, rows, typed columns, errors and assets.
import { FolderUnreadableError, inspectFolder, type FolderInspection } from './inspect-folder';
import { UsageError, type Command } from '../command';
import { summarizeByIndex } from './summarize-by-index';
import { groupedDigits } from '../grouped-digits';
import { progressLine } from '../progress-line';
import { printLine } from '../stdout';
import { defaultDataDir } from '../../review/location';
import type { OnProgress } from '../../log-index/index-folder';

const usage = `Usage: flagdeck inspect <folder> [--json] [--follow] [--no-cache]

Reads every log of a Gradio flagging folder (log.csv, datasetN.csv, data.csv, metadata.jsonl) and prints,
per log: its layout, row count, columns with their kinds, errors (by line) and asset counts.
  --json   print one JSON object: { folder, logs: [{ file, layout, rows, columns, errors }], assets }
           and "problems": ["<log> cannot be read: <why>"] when a log could not be read (the
           others are reported all the same)
  --follow keep watching after the report and print one JSON line per change, until interrupted:
           {"event":"rowsAppended","file","ids":[…]}, {"event":"logAdded","file"},
           {"event":"logReset","file","reason"}, {"event":"folderProblem","message"} (e.g. the
           folder cannot be watched: new logs are then looked for every 5 s, less often where a
           look takes long) (with --json the report itself is one line)
  --no-cache  neither read nor write the persisted index of large logs
CSV logs are read through the index (both cores for large ones); on a terminal, a progress line
shows after 100 ms. The index of a log of 1 MB or more, and what inspect counted in it, are kept in
<folder>/.flagdeck/index/ (or the data folder, for a read-only folder) and reused while the log is
unchanged or only appended to (the counts: while the folder's files are unchanged too; a folder whose
files are in Gradio's hash directories is counted each time).
Exit status: 0 even when rows have errors; 2 when the folder cannot be read.`;

const OPTIONS = new Set(['--json', '--follow', '--no-cache']);

/** A broken log can have an error per row: the table shows the first ones. */
const ERRORS_SHOWN = 20;

export const inspectCommand: Command = {
  name: 'inspect',
  usage,
  async run(argv) {
    const json = argv.includes('--json');
    const follow = argv.includes('--follow');
    const noCache = argv.includes('--no-cache');
    const unknown = argv.filter((arg) => arg.startsWith('-') && !OPTIONS.has(arg));
    const folders = argv.filter((arg) => !arg.startsWith('-'));
    if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}`);
    if (folders.length !== 1) throw new UsageError('give exactly one folder');
    let inspection: FolderInspection;
    const cache = noCache ? undefined : { dataDir: defaultDataDir() };
    try {
      const progress = progressLine();
      const onProgress: OnProgress = (...at) => progress.show(() => indexingText(...at));
      const notice = (message: string): void => console.error(`flagdeck inspect: ${message}`);
      inspection = await inspectFolder(folders[0], summarizeByIndex({ onProgress, cache, notice })).finally(
        progress.done,
      );
    } catch (error) {
      if (!(error instanceof FolderUnreadableError)) throw error;
      console.error(`flagdeck inspect: ${error.message}`);
      return 2;
    }
    printLine(json ? JSON.stringify(inspection.report, null, follow ? undefined : 2) : describe(inspection));
    if (follow) {
      const { followUntilInterrupted } = await import('./follow-cli');
      await followUntilInterrupted(inspection.report.folder, printLine, {
        indexCache: cache,
      });
    }
    return 0;
  },
};

function indexingText(file: string, bytesIndexed: number, bytesTotal: number, rows: number): string {
  const percent = bytesTotal > 0 ? Math.floor((100 * bytesIndexed) / bytesTotal) : 100;
  return `indexing ${file}: ${percent}% (${groupedDigits(rows)} rows)`;
}

export function describe({ report, details }: FolderInspection): string {
  const lines = [`Folder ${report.folder}: ${report.logs.length} log${report.logs.length === 1 ? '' : 's'}`];
  report.logs.forEach((log, index) => {
    const { warnings, assets } = details[index];
    lines.push(
      '',
      `${log.file}  (${log.layout}, ${groupedDigits(log.rows)} row${log.rows === 1 ? '' : 's'})`,
    );
    lines.push(`  assets: ${countsText(assets)}`);
    const width = Math.max(4, ...log.columns.map((column) => column.name.length));
    lines.push(`  ${'#'.padStart(3)}  ${'name'.padEnd(width)}  kind`);
    log.columns.forEach((column, position) => {
      lines.push(`  ${String(position + 1).padStart(3)}  ${column.name.padEnd(width)}  ${column.kind}`);
    });
    for (const warning of warnings) lines.push(`  warning: ${warning}`);
    for (const error of log.errors.slice(0, ERRORS_SHOWN))
      lines.push(`  error: line ${error.line}: ${error.message}`);
    const more = log.errors.length - ERRORS_SHOWN;
    if (more > 0)
      lines.push(`  … ${groupedDigits(more)} more error${more === 1 ? '' : 's'} (all of them with --json)`);
  });
  lines.push('', `All assets: ${countsText(report.assets)}`);
  for (const problem of report.problems ?? []) lines.push(`problem: ${problem}`);
  return lines.join('\n');
}

function countsText(counts: FolderInspection['report']['assets']): string {
  const { resolved, missing, outside } = counts;
  return `${groupedDigits(resolved)} resolved, ${groupedDigits(missing)} missing, ${groupedDigits(outside)} outside`;
}

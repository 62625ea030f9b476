// `flagdeck push <folder>… --repo <owner/name>`: the selected samples as a dataset on the Hub.
// The token comes from HF_TOKEN or the huggingface token file, and is never printed.
import { parseArgs } from '../platform/node-util';
import { join } from 'node:path';
import type { ExportSelection } from '../../shared/api';
import { DatasetFormat, ExportStatusChoice } from '../../shared/export';
import {
  checkHubUrl,
  checkRepoId,
  DEFAULT_HUB_URL,
  findHubToken,
  missingTokenMessage,
  pushSelection,
  type PushJobProgress,
} from '../export/hub';
import { suggestedFormatOf } from '../export/summary';
import { defaultDataDir } from '../review/location';
import { UsageError, type Command } from './command';
import { openWorkspaceForExport } from './open-workspace';
import { progressLine } from './progress-line';
import { sizeText } from './size-text';

const usage = `Usage:
  flagdeck push <folder>... --repo <owner/name> [--format imagefolder|audiofolder|parquet]
                [--status keep|drop|unsure|unreviewed|any]... [--reason <r>]...
                [--private | --public] [--hub-url <url>] [--json]

Writes the selected samples (default: status keep) as a dataset and pushes it to the Hub dataset
repo <owner/name>, creating it (private unless --public) when missing. Media go up in commits of
at most 100 files; metadata.jsonl and the README card come in the last commit, so a push cut
short never advertises a broken dataset. Pushing the same selection again uploads nothing.
The format defaults to the one the columns fit (parquet when images and audio mix).

The token is read from HF_TOKEN, else $HF_HOME/token (default ~/.cache/huggingface/token).
--hub-url (or HF_ENDPOINT) points at another Hub (default ${DEFAULT_HUB_URL}).
--json prints { "rows", "files", "bytes", "repo", "commit", "skipped": [{ "id", "reason" }] }.`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        repo: { type: 'string' },
        format: { type: 'string' },
        status: { type: 'string', multiple: true },
        reason: { type: 'string', multiple: true },
        private: { type: 'boolean' },
        public: { type: 'boolean' },
        'hub-url': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function selectionOf(values: ReturnType<typeof parse>['values']): ExportSelection {
  const statuses = (values.status ?? ['keep']).map((status) => {
    const parsed = ExportStatusChoice.safeParse(status);
    if (!parsed.success)
      throw new UsageError(`--status ${status}: use keep, drop, unsure, unreviewed or any`);
    return parsed.data;
  });
  return { filter: values.reason ? { reasons: values.reason } : {}, statuses };
}

function formatOption(value: string | undefined): DatasetFormat | undefined {
  if (value === undefined) return undefined;
  const parsed = DatasetFormat.safeParse(value);
  if (!parsed.success) throw new UsageError(`--format ${value}: use imagefolder, audiofolder or parquet`);
  return parsed.data;
}

/** A new phase, or a new commit of a push in several, shows at once. */
function phaseOf(p: PushJobProgress): string {
  return p.phase === 'writing' ? p.phase : `${p.phase} ${p.commit}`;
}

function progressText(p: PushJobProgress): string {
  if (p.phase === 'writing') return `writing the dataset: ${p.done}/${p.total} samples`;
  const commits = p.commits > 1 ? ` (commit ${p.commit}/${p.commits})` : '';
  return `${p.phase}${commits}: ${sizeText(p.bytesSent)} of ${sizeText(p.bytesTotal)}`;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (positionals.length === 0) throw new UsageError('missing <folder>');
  if (!values.repo) throw new UsageError('missing --repo <owner/name>');
  if (values.private && values.public) throw new UsageError('choose --private or --public, not both');
  const selection = selectionOf(values);
  const chosenFormat = formatOption(values.format);
  const hubUrl = checkHubUrl(values['hub-url'] || process.env.HF_ENDPOINT || DEFAULT_HUB_URL);
  checkRepoId(values.repo);
  const token = await findHubToken();
  if (!token) {
    console.error(`flagdeck push: ${missingTokenMessage()}`);
    return 1;
  }
  const dataDir = defaultDataDir();
  const opened = await openWorkspaceForExport(positionals, dataDir);
  const progress = progressLine();
  try {
    const suggested = chosenFormat ?? suggestedFormatOf(opened.ws, selection);
    const format = suggested === 'gradio' ? 'parquet' : suggested;
    const result = await pushSelection(
      opened.ws,
      {
        selection,
        format,
        privacy: { username: 'keep', stripExif: false },
        repo: values.repo,
        private: !values.public,
        hubUrl,
      },
      {
        token,
        keyFile: join(dataDir, 'export-pseudonym.key'),
        onProgress: values.json ? undefined : (p) => progress.show(() => progressText(p), phaseOf(p)),
      },
    );
    progress.done();
    if (values.json) {
      const { rows, files, bytes, repo, commit, skipped } = result;
      console.log(JSON.stringify({ rows, files, bytes, repo, commit, skipped }));
    } else {
      const skipped = result.skipped.length > 0 ? `; ${result.skipped.length} skipped (missing files)` : '';
      console.log(
        `pushed ${result.rows} samples as ${format} to ${result.url} (${result.files} files, ${sizeText(result.bytes)}; ` +
          `${result.uploadedFiles} uploaded in ${result.commits} commit(s); head ${result.commit.slice(0, 8)})${skipped}`,
      );
    }
    return 0;
  } finally {
    progress.done();
    await opened.close();
  }
}

export const pushCommand: Command = { name: 'push', usage, run };

// `flagdeck export <folder>… --format … --out <dir>`: writes the selected samples of one or more
// flagging folders as a Gradio folder, an imagefolder / audiofolder, or Parquet shards.
import { parseArgs } from '../platform/node-util';
import { join } from 'node:path';
import { ExportFormat, ExportStatusChoice, type ExportResult } from '../../shared/export';
import type { ExportSelection } from '../../shared/api';
import { EmptySelectionError } from '../export/empty-selection';
import { exportToFolder, OutputExistsError } from '../export/export-to-folder';
import { defaultDataDir } from '../review/location';
import { openWorkspaceForExport } from './open-workspace';
import { UsageError, type Command } from './command';
import { groupedDigits } from './grouped-digits';
import { progressLine } from './progress-line';
import { sizeText } from './size-text';

const usage = `Usage: flagdeck export <folder>... --format gradio|imagefolder|audiofolder|parquet --out <dir>
                       [--status keep|drop|unsure|unreviewed|any]... [--reason <r>]... [--json]

Writes the selected samples (default: status keep, across every log of the folders) to <dir>:
  gradio        a flagging folder Gradio would write (log.csv + <label>/<hex>/<file>), plus the
                review columns status, note and original_flag; flag is the exported label
  imagefolder   data/train/metadata.jsonl + images + README.md card (datasets.load_dataset)
  audiofolder   the same with audio files
  parquet       data/train-00000-of-0000N.parquet with embedded Image / Audio, + README.md card
The label is the reviewer's reason where one was set, else the original flag. A sample whose file
is missing is skipped (listed with its id). <dir> is written in a temp folder renamed at the end.

Options:
  --status S         export samples with this review status (repeatable; "any" for all)
  --reason R         only samples with this label (repeatable)
  --force            replace <dir> if it exists (once the new export is complete)
  --username M       keep | drop | pseudonymize (a stable keyed hash) the username column
  --strip-exif       remove EXIF (GPS included), XMP and text metadata from images
  --json             print { "rows", "files", "bytes", "out", "skipped": [{ "id", "reason" }] }
  --data-dir DIR     where journals of read-only folders and the pseudonym key are
                     (default: ${defaultDataDir()})`;

interface ExportArgs {
  folders: string[];
  format: ExportFormat;
  out: string;
  selection: ExportSelection;
  force: boolean;
  json: boolean;
  username: 'keep' | 'drop' | 'pseudonymize';
  stripExif: boolean;
  dataDir: string;
}

function parse(argv: string[]): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        status: { type: 'string', multiple: true },
        reason: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        force: { type: 'boolean' },
        username: { type: 'string' },
        'strip-exif': { type: 'boolean' },
        'data-dir': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('give at least one flagging folder');
  const format = ExportFormat.safeParse(values.format);
  if (!format.success) throw new UsageError(`--format must be one of ${ExportFormat.options.join(', ')}`);
  if (!values.out) throw new UsageError('--out <dir> is required');
  const statuses = (values.status ?? ['keep']).map((status) => {
    const parsedStatus = ExportStatusChoice.safeParse(status);
    if (!parsedStatus.success)
      throw new UsageError(`unknown --status "${status}" (keep, drop, unsure, unreviewed, any)`);
    return parsedStatus.data;
  });
  const username = values.username ?? 'keep';
  if (username !== 'keep' && username !== 'drop' && username !== 'pseudonymize') {
    throw new UsageError('--username must be keep, drop or pseudonymize');
  }
  return {
    folders: positionals,
    format: format.data,
    out: values.out,
    selection: { filter: values.reason ? { reasons: values.reason } : {}, statuses },
    force: values.force ?? false,
    json: values.json ?? false,
    username,
    stripExif: values['strip-exif'] ?? false,
    dataDir: values['data-dir'] ?? defaultDataDir(),
  };
}

function summaryLine(result: ExportResult, format: ExportFormat): string {
  const skipped = result.skipped.length > 0 ? `; ${result.skipped.length} skipped` : '';
  return `exported ${result.rows} samples as ${format} to ${result.out} (${result.files} files, ${sizeText(result.bytes)})${skipped}`;
}

export const exportCommand: Command = {
  name: 'export',
  usage,
  async run(argv) {
    const args = parse(argv);
    const { ws, close } = await openWorkspaceForExport(args.folders, args.dataDir);
    const progress = progressLine();
    try {
      const result = await exportToFolder(
        ws,
        {
          selection: args.selection,
          format: args.format,
          privacy: { username: args.username, stripExif: args.stripExif },
          out: args.out,
          overwrite: args.force,
        },
        {
          onProgress: ({ done, total, bytes }) =>
            progress.show(
              () => `exporting ${groupedDigits(done)} / ${groupedDigits(total)} samples (${sizeText(bytes)})`,
            ),
          keyFile: join(args.dataDir, 'export-pseudonym.key'),
        },
      );
      progress.done();
      if (args.json) console.log(JSON.stringify(result));
      else {
        for (const { id, reason } of result.skipped) console.error(`skipped ${id}: ${reason}`);
        console.log(summaryLine(result, args.format));
      }
      return 0;
    } catch (error) {
      progress.done();
      if (error instanceof EmptySelectionError || error instanceof OutputExistsError) {
        const hint = error instanceof OutputExistsError ? ' (--force replaces it)' : '';
        console.error(`flagdeck export: ${error.message}${hint}`);
        return 1;
      }
      throw error;
    } finally {
      await close();
    }
  },
};

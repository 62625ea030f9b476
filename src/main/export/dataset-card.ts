// The README.md dataset card of a dataset export: YAML front matter the Hub and `datasets` read
// (configs / data_files, features), then where the data came from, how it was selected, the
// counts per label and what the privacy pass did.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportSelection } from '../../shared/api';
import type { ExportPrivacy } from '../../shared/export';
import type { DatasetField } from './dataset-fields';
import type { ExportTotals, TargetPlan } from './target';

export interface CardInput {
  format: 'imagefolder' | 'audiofolder' | 'parquet';
  dataFiles: string;
  fields: DatasetField[];
  selection: ExportSelection;
  privacy: ExportPrivacy;
  sources: string[];
  totals: ExportTotals;
  skipped: number;
}

/** A YAML scalar: JSON strings are valid double-quoted YAML. */
const yaml = (value: string): string => JSON.stringify(value);

function frontMatter({ dataFiles, fields }: CardInput): string[] {
  return [
    '---',
    'configs:',
    '- config_name: default',
    '  data_files:',
    '  - split: train',
    `    path: ${yaml(dataFiles)}`,
    'dataset_info:',
    '  features:',
    ...fields.flatMap((field) => [`  - name: ${yaml(field.name)}`, `    dtype: ${field.dtype}`]),
    '---',
  ];
}

const cellText = (value: string): string => value.replaceAll('|', '\\|').replaceAll('\n', ' ');

function labelTable(labels: Map<string | null, number>): string[] {
  const rows = [...labels.entries()].sort((a, b) => b[1] - a[1]);
  return [
    '| label | samples |',
    '|---|---|',
    ...rows.map(
      ([label, count]) => `| ${label === null || label === '' ? '(none)' : cellText(label)} | ${count} |`,
    ),
  ];
}

export function datasetCard(input: CardInput): string {
  const { selection, privacy, totals } = input;
  const filter = JSON.stringify(selection.filter);
  return [
    ...frontMatter(input),
    '',
    '# Flagged samples, curated with Flagdeck',
    '',
    `${totals.rows} samples flagged in Gradio demos and reviewed in Flagdeck, exported as ${input.format}.`,
    '',
    '## Where the data came from',
    '',
    `Flagging folders: ${input.sources.map((source) => `\`${source}\``).join(', ')}.`,
    `Selected: review status ${selection.statuses.join(' or ')}; filter \`${filter}\`.`,
    input.skipped > 0
      ? `${input.skipped} selected samples were left out (a file they need was missing).`
      : '',
    '',
    "`label` is the reviewer's flag reason where one was set, else the flag given in the demo",
    '(`original_flag`). Each row carries its provenance: `source_log` (folder and log file),',
    '`sample_id` (`<log>#<row>`), `row_hash` (of the logged row), `reviewer` and `decided_at`.',
    '',
    '## Samples per label',
    '',
    ...labelTable(totals.labels),
    '',
    '## Privacy',
    '',
    `Usernames: ${privacy.username === 'keep' ? 'kept as logged' : privacy.username === 'drop' ? 'dropped' : 'replaced by stable pseudonyms (a keyed hash)'}.`,
    `Image metadata (EXIF, GPS, XMP): ${privacy.stripExif ? 'removed' : 'kept as flagged'}.`,
    '',
  ].join('\n');
}

/** Writes the card as the export's `README.md` (never over an existing one); resolves to its bytes. */
export async function writeDatasetCard(
  plan: TargetPlan,
  layout: Pick<CardInput, 'format' | 'dataFiles' | 'fields'>,
  totals: ExportTotals,
): Promise<number> {
  const { selection, privacy, sources } = plan;
  const card = datasetCard({ ...layout, selection, privacy, sources, totals, skipped: totals.skipped });
  await writeFile(join(plan.dir, 'README.md'), card, { flag: 'wx' });
  return Buffer.byteLength(card);
}

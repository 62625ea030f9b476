// Targets "imagefolder" and "audiofolder": the layout `datasets` loads with its folder builders.
//   README.md                              card: configs/data_files, features, counts, provenance
//   data/train/metadata.jsonl              one JSON object per sample: file_name, the other columns
//   data/train/images/0000/000000-x.png    the files, 1,000 per folder (the Hub wants < 10,000)
// The first image (audio) column is `file_name` (loaded as `image` / `audio`); further ones are
// `<name>_file_name`. A sample whose file is missing, or that has none, is skipped.
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportPrivacy } from '../../../shared/export';
import type { ExportColumn } from '../columns';
import { firstAssetOf, resolvedAsset, safeFileName, unusableReason } from '../asset-cells';
import { writeDatasetCard } from '../dataset-card';
import { datasetFields, textValue, type DatasetField } from '../dataset-fields';
import { FolderMaker, SampleFiles } from '../place-file';
import type { ExportSample } from '../sample';
import type { ExportTarget, ExportTotals, Placed, TargetPlan } from '../target';

export const FOLDER_SPLIT_DIR = 'data/train';
const FILES_PER_FOLDER = 1000;

/**
 * Drops further media columns that share no log with the first: a sample is exported only with a
 * file in the first, so they would be empty in every row, and `datasets` cannot type a column
 * that is null throughout (a column renamed between `dataset1.csv` and `dataset2.csv`).
 */
function withoutUnfillable(fields: DatasetField[]): DatasetField[] {
  const primaryLogs = fields[0]?.column?.logs ?? new Set<string>();
  return fields.filter(
    (field, position) =>
      position === 0 ||
      field.dtype === 'string' ||
      [...(field.column?.logs ?? [])].some((log) => primaryLogs.has(log)),
  );
}

/** The columns of an imagefolder / audiofolder export, the media column first. */
export function folderDatasetFields(
  columns: ExportColumn[],
  privacy: ExportPrivacy,
  media: 'image' | 'audio',
): DatasetField[] {
  return withoutUnfillable(datasetFields(columns, privacy, [media], media));
}

export class FolderDatasetTarget implements ExportTarget<string> {
  private plan!: TargetPlan;
  private fields: DatasetField[] = [];
  private metadata?: FileHandle;
  private readonly folders = new FolderMaker();

  constructor(private readonly media: 'image' | 'audio') {}

  private get format(): 'imagefolder' | 'audiofolder' {
    return this.media === 'image' ? 'imagefolder' : 'audiofolder';
  }

  async setup(plan: TargetPlan): Promise<void> {
    this.plan = plan;
    this.fields = folderDatasetFields(plan.columns, plan.privacy, this.media);
    if (!this.fields.some((field) => field.dtype === this.media)) {
      const kinds = plan.columns.map((c) => `${c.name} (${c.kind})`).join(', ');
      throw new Error(
        `${this.format} needs a column of ${this.media}s, and the selected logs have none (columns: ${kinds}); export as parquet or gradio instead`,
      );
    }
    await this.folders.ensure(join(plan.dir, FOLDER_SPLIT_DIR));
    this.metadata = await open(join(plan.dir, FOLDER_SPLIT_DIR, 'metadata.jsonl'), 'wx');
  }

  place(sample: ExportSample): Promise<Placed<string>> {
    const files = new SampleFiles(this.plan.privacy, this.folders);
    return files.skipIfGone(() => this.placeWith(sample, files));
  }

  private async placeWith(sample: ExportSample, placing: SampleFiles): Promise<Placed<string>> {
    const record: Record<string, string | null> = {};
    let files = 0;
    let bytes = 0;
    for (const [position, field] of this.fields.entries()) {
      if (field.dtype === 'string') {
        record[field.name] = textValue(field, sample);
        continue;
      }
      const key = position === 0 ? 'file_name' : `${field.name}_file_name`;
      const columnName = field.column?.name ?? field.name;
      const ref = firstAssetOf(sample.cells.get(columnName), this.media);
      if (!ref) {
        if (position === 0) return { skipped: `${columnName}: no ${this.media} in this sample` };
        // null, not "": datasets would resolve "" to the folder itself.
        record[key] = null;
        continue;
      }
      const asset = resolvedAsset(sample.root, ref);
      if (!asset) return { skipped: unusableReason(columnName, ref) };
      const relative = this.fileNameFor(
        sample.seq,
        position,
        await placing.typedName(asset.name, asset.file, columnName, ref.ref),
      );
      bytes += await placing.place(
        {
          from: asset.file,
          to: join(this.plan.dir, FOLDER_SPLIT_DIR, relative),
          media: ref.media,
          size: ref.size,
        },
        columnName,
        ref.ref,
      );
      files += 1;
      record[key] = relative;
    }
    return { row: `${JSON.stringify(record)}\n`, files, bytes };
  }

  /** `images/0003/003141-photo.jpg`; a second media column gets `-2` after the number. */
  private fileNameFor(seq: number, position: number, name: string): string {
    const folder = String(Math.floor(seq / FILES_PER_FOLDER)).padStart(4, '0');
    const suffix = position === 0 ? '' : `-${position + 1}`;
    const kindDir = this.media === 'image' ? 'images' : 'audio';
    return `${kindDir}/${folder}/${String(seq).padStart(6, '0')}${suffix}-${safeFileName(name)}`;
  }

  async append(rows: string[]): Promise<void> {
    if (rows.length > 0) await this.metadata?.write(rows.join(''));
  }

  async finish(totals: ExportTotals): Promise<{ files: number; bytes: number }> {
    const metadata = this.metadata;
    this.metadata = undefined;
    let bytes = 0;
    if (metadata) {
      await metadata.sync();
      bytes += (await metadata.stat()).size;
      await metadata.close();
    }
    const layout = { format: this.format, dataFiles: `${FOLDER_SPLIT_DIR}/**`, fields: this.fields };
    return { files: 2, bytes: bytes + (await writeDatasetCard(this.plan, layout, totals)) };
  }

  async abort(): Promise<void> {
    await this.metadata?.close().catch(() => undefined);
    this.metadata = undefined;
  }
}

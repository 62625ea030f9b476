// Target "gradio": a new flagging folder as Gradio's CSVLogger writes it (`log.csv`, the header
// `<components>,…,flag,username,timestamp`, Python's CSV quoting and Gradio's anti-injection
// prefix), assets copied to `<label>/<hex>/<name>` with cells pointing there (relative to the
// folder, so they resolve wherever it is moved), plus the review columns `status`, `note` and
// `original_flag`; `flag` holds the exported label.
import { createHash } from 'node:crypto';
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cell } from '../../../shared/model';
import { FILE_KINDS, resolvedAsset, unusableReason } from '../asset-cells';
import type { ExportColumn } from '../columns';
import { csvRecord, labelFolderName, pythonJsonDumps, sanitizeForCsv } from '../gradio-csv';
import { FolderMaker, SampleFiles } from '../place-file';
import type { ExportSample } from '../sample';
import type { ExportTarget, Placed, TargetPlan } from '../target';

export const GRADIO_LOG = 'log.csv';
const REVIEW_COLUMNS = ['status', 'note', 'original_flag', 'flag', 'username', 'timestamp'];

export class GradioFolderTarget implements ExportTarget<string> {
  private plan!: TargetPlan;
  private folderNames: string[] = [];
  private log?: FileHandle;
  private readonly folders = new FolderMaker();

  async setup(plan: TargetPlan): Promise<void> {
    this.plan = plan;
    this.folderNames = plan.columns.map((column, position) => labelFolderName(column.name, position));
    this.log = await open(join(plan.dir, GRADIO_LOG), 'wx');
    const header = [...plan.columns.map((column) => sanitizeForCsv(column.name)), ...REVIEW_COLUMNS];
    await this.log.write(csvRecord(header));
  }

  place(sample: ExportSample): Promise<Placed<string>> {
    const files = new SampleFiles(this.plan.privacy, this.folders);
    return files.skipIfGone(() => this.placeWith(sample, files));
  }

  private async placeWith(sample: ExportSample, placing: SampleFiles): Promise<Placed<string>> {
    const fields: string[] = [];
    let files = 0;
    let bytes = 0;
    for (const [position, column] of this.plan.columns.entries()) {
      const cell = sample.cells.get(column.name);
      if (!cell) {
        fields.push('');
        continue;
      }
      const copied = isGalleryFolder(cell)
        ? await this.copyGalleryFolder(sample, column, cell, this.folderNames[position], placing)
        : await this.copyAssets(sample, column, cell, this.folderNames[position], placing);
      if ('skipped' in copied) return copied;
      files += copied.files;
      bytes += copied.bytes;
      fields.push(rewriteCell(cell, copied.paths));
    }
    const { review, originalReason, timestamp } = sample.row;
    fields.push(
      review.status,
      sanitizeForCsv(review.note),
      sanitizeForCsv(originalReason ?? ''),
      sanitizeForCsv(sample.label ?? ''),
      sanitizeForCsv(sample.username ?? ''),
      timestamp ?? '',
    );
    return { row: csvRecord(fields), files, bytes };
  }

  private async copyAssets(
    sample: ExportSample,
    column: ExportColumn,
    cell: Cell,
    folderName: string,
    placing: SampleFiles,
  ): Promise<{ paths: Map<string, string>; files: number; bytes: number } | { skipped: string }> {
    const paths = new Map<string, string>();
    let bytes = 0;
    for (const ref of cell.assets) {
      const asset = resolvedAsset(sample.root, ref);
      if (!asset) {
        // Chat and JSON cells often point into Gradio's temp cache: their text stays as written.
        if (FILE_KINDS.has(column.kind)) return { skipped: unusableReason(column.name, ref) };
        continue;
      }
      if (paths.has(ref.ref)) continue;
      const relative = `${folderName}/${hexOf(sample, ref.path ?? '')}/${asset.name}`;
      bytes += await placing
        .place(
          { from: asset.file, to: join(this.plan.dir, relative), media: ref.media, size: ref.size },
          column.name,
          ref.ref,
        )
        .catch((error: unknown) => {
          // Two refs of one cell to the same file: the first copy stands.
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 0;
          throw error;
        });
      paths.set(ref.ref, relative);
    }
    return { paths, files: paths.size, bytes };
  }

  /**
   * Gradio 3.x writes a Gallery as a folder: its images in sub-folders and `captions.json`
   * (image path → caption); the cell names the folder. The copy is a folder of the same shape.
   */
  private async copyGalleryFolder(
    sample: ExportSample,
    column: ExportColumn,
    cell: Cell,
    folderName: string,
    placing: SampleFiles,
  ): Promise<{ paths: Map<string, string>; files: number; bytes: number } | { skipped: string }> {
    const captions = cell.value as Record<string, string | null>;
    const folder = `${folderName}/${hexOf(sample, column.name)}`;
    const newCaptions: Record<string, string | null> = {};
    let bytes = 0;
    for (const ref of cell.assets) {
      const asset = resolvedAsset(sample.root, ref);
      if (!asset) return { skipped: unusableReason(column.name, ref) };
      const relative = `${folder}/${hexOf(sample, ref.path ?? '')}/${asset.name}`;
      bytes += await placing.place(
        { from: asset.file, to: join(this.plan.dir, relative), media: ref.media, size: ref.size },
        column.name,
        ref.ref,
      );
      newCaptions[relative] = captions[ref.ref] ?? null;
    }
    const captionsJson = pythonJsonDumps(newCaptions);
    await this.folders.ensure(join(this.plan.dir, folder));
    await writeFile(join(this.plan.dir, folder, 'captions.json'), captionsJson, { flag: 'wx' });
    bytes += Buffer.byteLength(captionsJson);
    return { paths: new Map([[cell.text.trim(), folder]]), files: cell.assets.length + 1, bytes };
  }

  async append(rows: string[]): Promise<void> {
    if (rows.length > 0) await this.log?.write(rows.join(''));
  }

  async finish(): Promise<{ files: number; bytes: number }> {
    const log = this.log;
    this.log = undefined;
    if (!log) return { files: 0, bytes: 0 };
    await log.sync();
    const { size } = await log.stat();
    await log.close();
    return { files: 1, bytes: size };
  }

  async abort(): Promise<void> {
    await this.log?.close().catch(() => undefined);
    this.log = undefined;
  }
}

/** Gradio's `<hex>` folder name: here a hash of the sample and the file, so a re-export is identical. */
function hexOf(sample: ExportSample, what: string): string {
  return createHash('sha1')
    .update(`${sample.row.folderId}\0${sample.row.id}\0${what}`)
    .digest('hex')
    .slice(0, 20);
}

/** A Gradio 3.x Gallery cell: a folder path whose value maps each image to its caption. */
function isGalleryFolder(cell: Cell): boolean {
  const value = cell.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || cell.assets.length === 0)
    return false;
  const keys = new Set(Object.keys(value));
  return cell.assets.every((asset) => keys.has(asset.ref));
}

/** The cell with its file references replaced by the exported copies' paths. */
export function rewriteCell(cell: Cell, paths: Map<string, string>): string {
  if (paths.size === 0) return cell.raw;
  const whole = paths.get(cell.text.trim());
  if (whole !== undefined) return whole;
  if (cell.value !== null && typeof cell.value === 'object') {
    return pythonJsonDumps(replaceStrings(cell.value, paths));
  }
  let raw = cell.raw;
  for (const [from, to] of paths) raw = raw.split(from).join(to);
  return raw;
}

function replaceStrings(value: unknown, paths: Map<string, string>): unknown {
  if (typeof value === 'string') return paths.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, paths));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, replaceStrings(v, paths)]),
    );
  }
  return value;
}

// Target "parquet": `data/train-00000-of-0000N.parquet` shards plus the card, the layout
// `push_to_hub` writes. Image and Audio columns are `struct<bytes: binary, path: string>` (the
// file embedded, its name as the path), declared both in the card and in the file's `huggingface`
// metadata, so `datasets` decodes them; every other column is a string. Row groups of 100 rows
// (the Hub's advice for media), shards of at most about 500 MB. The layout for rows that mix
// images and audio.
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParquetWriter as ParquetWriterType } from 'hyparquet-writer';
import { firstAssetOf, resolvedAsset, unusableReason } from '../asset-cells';
import { writeDatasetCard } from '../dataset-card';
import { datasetFields, textValue, type DatasetField } from '../dataset-fields';
import { FolderMaker, SampleFiles } from '../place-file';
import type { ExportSample } from '../sample';
import type { ExportTarget, ExportTotals, Placed, TargetPlan } from '../target';

type MediaStruct = { bytes: Uint8Array; path: string } | null;
type ParquetRow = Record<string, string | MediaStruct>;

const ROWS_PER_GROUP = 100;
const BYTES_PER_GROUP = 64 * 1024 * 1024;
export const BYTES_PER_SHARD = 500 * 1024 * 1024;

interface Shard {
  temp: string;
  writer: ParquetWriterType;
  bytes: number;
}

function featureOf(field: DatasetField): Record<string, string> {
  if (field.dtype === 'image') return { _type: 'Image' };
  if (field.dtype === 'audio') return { _type: 'Audio' };
  return { dtype: 'string', _type: 'Value' };
}

export class ParquetDatasetTarget implements ExportTarget<ParquetRow> {
  /** `shardBytes`: a shard takes no more row groups once it holds this many bytes. */
  constructor(private readonly shardBytes = BYTES_PER_SHARD) {}

  private plan!: TargetPlan;
  private fields: DatasetField[] = [];
  private readonly shards: Shard[] = [];
  private pending: ParquetRow[] = [];
  private pendingBytes = 0;
  private library?: typeof import('hyparquet-writer');
  private readonly folders = new FolderMaker();

  async setup(plan: TargetPlan): Promise<void> {
    this.plan = plan;
    this.fields = datasetFields(plan.columns, plan.privacy, ['image', 'audio']);
    this.library = await import('hyparquet-writer');
    await this.folders.ensure(join(plan.dir, 'data'));
  }

  place(sample: ExportSample): Promise<Placed<ParquetRow>> {
    const files = new SampleFiles(this.plan.privacy, this.folders);
    return files.skipIfGone(() => this.placeWith(sample, files));
  }

  private async placeWith(sample: ExportSample, reading: SampleFiles): Promise<Placed<ParquetRow>> {
    const row: ParquetRow = {};
    let files = 0;
    let bytes = 0;
    for (const field of this.fields) {
      if (field.dtype === 'string') {
        row[field.name] = textValue(field, sample);
        continue;
      }
      const columnName = field.column?.name ?? field.name;
      const ref = firstAssetOf(sample.cells.get(columnName), field.dtype);
      if (!ref) {
        row[field.name] = null;
        continue;
      }
      const asset = resolvedAsset(sample.root, ref);
      if (!asset) return { skipped: unusableReason(columnName, ref) };
      const content = await reading.read(asset.file, ref.media, columnName, ref.ref);
      const path = await reading.typedName(asset.name, asset.file, columnName, ref.ref);
      row[field.name] = { bytes: content, path };
      files += 1;
      bytes += content.length;
    }
    return { row, files, bytes };
  }

  async append(rows: ParquetRow[]): Promise<void> {
    for (const row of rows) {
      this.pending.push(row);
      this.pendingBytes += this.sizeOf(row);
      if (this.pending.length >= ROWS_PER_GROUP || this.pendingBytes >= BYTES_PER_GROUP) await this.flush();
    }
  }

  private sizeOf(row: ParquetRow): number {
    let size = 0;
    for (const value of Object.values(row))
      size += typeof value === 'string' ? value.length : (value?.bytes.length ?? 0);
    return size;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    let shard = this.shards.at(-1);
    if (!shard || shard.bytes >= this.shardBytes) {
      if (shard) await shard.writer.finish();
      shard = this.openShard();
      this.shards.push(shard);
    }
    const rows = this.pending;
    await shard.writer.write({
      columnData: this.fields.map((field) => ({
        name: field.name,
        data: rows.map((row) => row[field.name]),
      })),
      rowGroupSize: rows.length,
    });
    shard.bytes += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private openShard(): Shard {
    const library = this.library;
    if (!library) throw new Error('parquet target used before setup');
    const temp = join(this.plan.dir, 'data', `.shard-${this.shards.length}.parquet`);
    const features = Object.fromEntries(this.fields.map((field) => [field.name, featureOf(field)]));
    const writer = new library.ParquetWriter({
      writer: library.fileWriter(temp),
      schema: this.schema(),
      kvMetadata: [{ key: 'huggingface', value: JSON.stringify({ info: { features } }) }],
      createdBy: 'Flagdeck',
    });
    return { temp, writer, bytes: 0 };
  }

  private schema(): ConstructorParameters<typeof ParquetWriterType>[0]['schema'] {
    const schema: ConstructorParameters<typeof ParquetWriterType>[0]['schema'] = [
      { name: 'root', num_children: this.fields.length },
    ];
    for (const field of this.fields) {
      if (field.dtype === 'string') {
        schema.push({
          name: field.name,
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          repetition_type: 'OPTIONAL',
        });
        continue;
      }
      schema.push(
        { name: field.name, repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'bytes', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
        { name: 'path', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      );
    }
    return schema;
  }

  async finish(totals: ExportTotals): Promise<{ files: number; bytes: number }> {
    await this.flush();
    if (this.shards.length === 0) this.shards.push(this.openShard());
    const count = this.shards.length;
    const pad = (n: number): string => String(n).padStart(5, '0');
    for (const [i, shard] of this.shards.entries()) {
      await shard.writer.finish();
      await rename(shard.temp, join(this.plan.dir, 'data', `train-${pad(i)}-of-${pad(count)}.parquet`));
    }
    const layout = { format: 'parquet' as const, dataFiles: 'data/train-*.parquet', fields: this.fields };
    // Media bytes were counted as each sample was placed; the shards' own overhead is small.
    return { files: count + 1, bytes: await writeDatasetCard(this.plan, layout, totals) };
  }

  async abort(): Promise<void> {
    this.pending = [];
  }
}

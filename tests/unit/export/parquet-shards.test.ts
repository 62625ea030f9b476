// Parquet export in several shards: named `train-0000i-of-0000N.parquet`, every selected row in
// exactly one of them, in order, with the Image / Audio structs and the `huggingface` features
// metadata in each file (read back with hyparquet, the reader beside the writer).
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, expect, it } from 'vitest';
import { exportToFolder } from '../../../src/main/export/export-to-folder';
import { FIXTURES, openWorld, type ExportWorld } from './support';

const ROWS = 250;
let world: ExportWorld;
let made: string;
afterAll(async () => {
  await world.close();
  await rm(made, { recursive: true, force: true });
});

/** A CSVLogger folder of ROWS rows, each with its own image file. */
async function folderOfImages(): Promise<string> {
  made = await mkdtemp(join(tmpdir(), 'flagdeck-shards-'));
  const root = join(made, 'flagged');
  const lines = ['prompt,image,flag,username,timestamp'];
  for (let i = 1; i <= ROWS; i++) {
    const hex = i.toString(16).padStart(20, '0');
    await mkdir(join(root, 'image', hex), { recursive: true });
    await copyFile(
      join(FIXTURES, 'inputs', i % 2 ? 'input.png' : 'photo.jpg'),
      join(root, 'image', hex, `p${i}`),
    );
    lines.push(`prompt ${i},image/${hex}/p${i},,,2026-11-25 12:00:00.000000`);
  }
  await writeFile(join(root, 'log.csv'), `${lines.join('\r\n')}\r\n`);
  return root;
}

it('splits rows over shards and keeps each row whole', async () => {
  world = await openWorld([await folderOfImages()]);
  const out = join(world.base, 'parquet');
  const result = await exportToFolder(
    world.ws,
    {
      selection: { filter: {}, statuses: ['any'] },
      format: 'parquet',
      privacy: { username: 'keep', stripExif: false },
      out,
      overwrite: false,
    },
    // One byte: every row group (100 rows) closes its shard.
    { parquetShardBytes: 1 },
  );
  const { rows: selected } = await world.ws.query({ filter: {}, offset: 0, limit: 1000 });
  expect(result.rows).toBe(selected.length);

  const shards = (await readdir(join(out, 'data'))).sort();
  expect(shards).toEqual([
    'train-00000-of-00003.parquet',
    'train-00001-of-00003.parquet',
    'train-00002-of-00003.parquet',
  ]);
  const rows: { sample_id: string; image: { path: string; bytes: Uint8Array } }[] = [];
  for (const shard of shards) {
    const file = await asyncBufferFromFile(join(out, 'data', shard));
    const metadata = await parquetMetadataAsync(file);
    const features = JSON.parse(
      metadata.key_value_metadata?.find((kv) => kv.key === 'huggingface')?.value ?? '{}',
    );
    expect(features.info.features.image).toEqual({ _type: 'Image' });
    rows.push(...((await parquetReadObjects({ file, utf8: false })) as typeof rows));
  }
  const text = (value: unknown): string =>
    typeof value === 'string' ? value : Buffer.from(value as Uint8Array).toString();
  expect(rows.map((r) => text(r.sample_id))).toEqual(selected.map((r) => r.id));
  const root = world.ws.info().folders[0].path;
  for (const [i, row] of rows.entries()) {
    const asset = selected[i].cells.flatMap((c) => c.assets).find((a) => a.media === 'image');
    const original = await readFile(join(root, asset?.path ?? ''));
    expect(Buffer.from(row.image.bytes).equals(original), text(row.sample_id)).toBe(true);
    // The path names the format, from the file's first bytes (the files here have no extension, as Gradio sometimes writes).
    expect(text(row.image.path)).toBe(`p${i + 1}${i % 2 ? '.jpg' : '.png'}`);
  }
  expect(await readFile(join(out, 'README.md'), 'utf8')).toContain('path: "data/train-*.parquet"');
});

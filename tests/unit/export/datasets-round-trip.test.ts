// Every dataset export (imagefolder, audiofolder, Parquet) of the generated Gradio fixtures that
// hold images or audio, and of a few real-world folders, loaded by real Python `datasets`: by its
// builder (`load_dataset("imagefolder", data_dir=…)`) and as a repository through its README card
// (`load_dataset(folder)`). Checked: the rows, their labels (the reviewer's reason where set), the
// decoded images (pixels equal to the flagged file's) and the audio bytes (read by soundfile).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetFormat } from '../../../src/shared/export';
import type { SampleRow } from '../../../src/shared/model';
import { firstAssetOf } from '../../../src/main/export/asset-cells';
import { ColumnMap } from '../../../src/main/export/columns';
import { datasetFields, type DatasetField } from '../../../src/main/export/dataset-fields';
import { exportToFolder } from '../../../src/main/export/export-to-folder';
import { exportedLabel } from '../../../src/main/export/sample';
import { folderDatasetFields } from '../../../src/main/export/targets/folder-dataset';
import { fixtureCases, type FixtureCase } from './fixture-cases';
import { loadAllWithDatasets, NO_PYTHON, pixelsOf, python, type ImageInfo, type LoadOutcome } from './python';
import { openWorld, type ExportWorld } from './support';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../support/real-world';

const REAL_WORLD_FOLDERS = [
  'Abhishek708844__Health-companion/.gradio/flagged',
  'akarshuday__SAHAYAK-AI-DOCTOR-/flagged',
  'AnaLopezP__LEGOParcial2/flagged',
  'Aditya-0009__Deepfake-image-detection/.gradio/flagged',
  'ushasri3014__AI_music_remix_-_mood_generator/flagged',
];

const cases: FixtureCase[] = [
  ...fixtureCases(),
  ...(!realWorldMissing
    ? REAL_WORLD_FOLDERS.map((folder) => ({
        version: 'real-world',
        name: folder,
        folder: join(REAL_WORLD, folder),
      }))
    : []),
];

interface Exported {
  format: DatasetFormat;
  out: string;
  rows: SampleRow[];
  fields: DatasetField[];
  root: string;
  /** [builder load, card load] */
  loaded?: [LoadOutcome, LoadOutcome];
}

const worlds: ExportWorld[] = [];
const exports = new Map<string, Exported[]>();
const pixels = new Map<string, ImageInfo>();
let scratch: string;

function formatsFor(columns: ColumnMap): DatasetFormat[] {
  const images = columns.columnsOfKind('image').length > 0;
  const audio = columns.columnsOfKind('audio').length > 0;
  return [
    ...(images ? (['imagefolder'] as const) : []),
    ...(audio ? (['audiofolder'] as const) : []),
    ...(images || audio ? (['parquet'] as const) : []),
  ];
}

function fieldsFor(format: DatasetFormat, columns: ColumnMap): DatasetField[] {
  const privacy = { username: 'keep', stripExif: false } as const;
  if (format === 'parquet') return datasetFields(columns.columns, privacy, ['image', 'audio']);
  return folderDatasetFields(columns.columns, privacy, format === 'imagefolder' ? 'image' : 'audio');
}

async function exportCase(fixture: FixtureCase): Promise<Exported[]> {
  const world = await openWorld([fixture.folder]);
  worlds.push(world);
  const columns = new ColumnMap(world.ws.info());
  const formats = formatsFor(columns);
  if (formats.length === 0) return [];
  const { rows: all } = await world.ws.query({ filter: {}, offset: 0, limit: 1000 });
  await world.review([all[0].id], { reason: 'relabelled', status: 'keep' });
  const { rows } = await world.ws.query({ filter: {}, offset: 0, limit: 1000 });
  const root = world.ws.info().folders[0].path;
  const done: Exported[] = [];
  for (const format of formats) {
    const out = join(world.base, format);
    const result = await exportToFolder(world.ws, {
      selection: { filter: {}, statuses: ['any'] },
      format,
      privacy: { username: 'keep', stripExif: false },
      out,
      overwrite: false,
    });
    const skipped = new Set(result.skipped.map((s) => s.id));
    done.push({
      format,
      out,
      rows: rows.filter((row) => !skipped.has(row.id)),
      fields: fieldsFor(format, columns),
      root,
    });
  }
  return done;
}

function sourceFile(
  row: SampleRow,
  field: DatasetField,
  columns: ColumnMap,
  root: string,
): string | undefined {
  const cell = columns.cellsOf(row).get(field.column?.name ?? '');
  const asset = firstAssetOf(cell, field.dtype === 'audio' ? 'audio' : 'image');
  return asset?.status === 'resolved' && asset.path ? join(root, asset.path) : undefined;
}

beforeAll(async () => {
  if (!python) return;
  scratch = await mkdtemp(join(tmpdir(), 'flagdeck-datasets-'));
  for (const fixture of cases) exports.set(`${fixture.version}/${fixture.name}`, await exportCase(fixture));
  const all = [...exports.values()].flat();
  const outcomes = await loadAllWithDatasets(
    all.flatMap((e): [string, string][] => [
      [e.format, e.out],
      ['card', e.out],
    ]),
    scratch,
  );
  all.forEach((e, i) => (e.loaded = [outcomes[2 * i], outcomes[2 * i + 1]]));
  const images = new Set<string>();
  for (const e of all) {
    for (const field of e.fields.filter((f) => f.dtype === 'image'))
      for (const row of e.rows) {
        const file = sourceFile(row, field, columnMapOf(e), e.root);
        if (file) images.add(file);
      }
  }
  const files = [...images];
  (await pixelsOf(files)).forEach((info, i) => pixels.set(files[i], info));
}, 900_000);

const columnMaps = new Map<Exported, ColumnMap>();
function columnMapOf(e: Exported): ColumnMap {
  let map = columnMaps.get(e);
  if (!map) {
    const world = worlds.find((w) => w.ws.info().folders[0].path === e.root);
    if (!world) throw new Error(`no world for ${e.root}`);
    columnMaps.set(e, (map = new ColumnMap(world.ws.info())));
  }
  return map;
}

afterAll(async () => {
  await Promise.all(worlds.map((w) => w.close()));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const sha = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe.skipIf(!python)(`datasets loads every export (${python ? 'real datasets' : NO_PYTHON})`, () => {
  // The real-world folders are named by path: a renamed one must fail here, not drop out unseen.
  it.skipIf(realWorldMissing)(needsRealWorld('finds the real-world folders it exports'), () => {
    for (const folder of REAL_WORLD_FOLDERS) expect(existsSync(join(REAL_WORLD, folder)), folder).toBe(true);
  });
  it.each(cases.map((c) => [`${c.version}/${c.name}`] as const))('%s', async (key) => {
    const done = exports.get(key) ?? [];
    for (const e of done) {
      const [byBuilder, byCard] = e.loaded ?? [];
      const where = `${key} ${e.format}`;
      if (!byBuilder || 'error' in byBuilder) throw new Error(`${where}: ${JSON.stringify(byBuilder)}`);
      if (!byCard || 'error' in byCard) throw new Error(`${where} (card): ${JSON.stringify(byCard)}`);
      expect(byBuilder.rows.map((r) => r.sample_id).sort(), where).toEqual(e.rows.map((r) => r.id).sort());
      expect(Object.keys(byCard.features), where).toEqual(Object.keys(byBuilder.features));
      expect(byCard.rows.length, where).toBe(byBuilder.rows.length);
      // The card declares every media column; without it `datasets` can only type a column that
      // holds a file in some row (a second image column empty in every exported row is null).
      for (const field of e.fields.filter((f) => f.dtype !== 'string')) {
        expect(byCard.features[field.name], `${where} ${field.name}`).toBe(
          field.dtype === 'image' ? 'Image' : 'Audio',
        );
      }
      const byId = new Map(byBuilder.rows.map((r) => [r.sample_id as string, r]));
      for (const row of e.rows) {
        const loaded = byId.get(row.id);
        expect(loaded?.label, `${where} ${row.id}`).toBe(exportedLabel(row) ?? '');
        expect(loaded?.status, `${where} ${row.id}`).toBe(row.review.status);
        for (const field of e.fields.filter((f) => f.dtype !== 'string')) {
          const file = sourceFile(row, field, columnMapOf(e), e.root);
          const value = loaded?.[field.name];
          if (!file) {
            expect(value ?? null, `${where} ${row.id} ${field.name}`).toBeNull();
            continue;
          }
          if (field.dtype === 'image')
            expect(value, `${where} ${row.id} ${field.name}`).toEqual(pixels.get(file));
          else
            expect((value as { bytes: string }).bytes, `${where} ${row.id} ${field.name}`).toBe(
              await sha(file),
            );
        }
      }
    }
    // The reviewed sample (when it has the media to be exported) carries the reviewer's reason.
    for (const e of done) {
      const reviewed = e.rows.find((row) => row.review.reason !== undefined);
      if (reviewed) expect(exportedLabel(reviewed), `${key} ${e.format}`).toBe('relabelled');
    }
  });
});

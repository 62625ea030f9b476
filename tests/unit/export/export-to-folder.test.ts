// A folder export as the user meets it: the kept samples by default with the reviewer's labels,
// an existing output never replaced unless asked, a missing file skipping only its sample, an
// empty selection explained, a cancel leaving nothing behind, and the username privacy pass.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFormat, ExportPrivacy } from '../../../src/shared/export';
import { EmptySelectionError } from '../../../src/main/export/empty-selection';
import { exportToFolder, OutputExistsError } from '../../../src/main/export/export-to-folder';
import { FIXTURES, openWorld, type ExportWorld } from './support';

const INPUTS = join(FIXTURES, '5.50.0/components_inputs/.gradio/flagged');
const USERS = join(FIXTURES, '5.50.0/username/.gradio/flagged');
const KEEP_USERNAMES: ExportPrivacy = { username: 'keep', stripExif: false };

let world: ExportWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function open(folder: string): Promise<ExportWorld> {
  world = await openWorld([folder]);
  return world;
}

function run(
  w: ExportWorld,
  out: string,
  options: {
    format?: ExportFormat;
    statuses?: ('keep' | 'any' | 'drop')[];
    overwrite?: boolean;
    privacy?: ExportPrivacy;
    signal?: AbortSignal;
  } = {},
) {
  return exportToFolder(
    w.ws,
    {
      selection: { filter: {}, statuses: options.statuses ?? ['keep'] },
      format: options.format ?? 'imagefolder',
      privacy: options.privacy ?? KEEP_USERNAMES,
      out,
      overwrite: options.overwrite ?? false,
    },
    { signal: options.signal, keyFile: join(w.base, 'key') },
  );
}

async function metadata(out: string): Promise<Record<string, string | null>[]> {
  const text = await readFile(join(out, 'data/train/metadata.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string | null>);
}

describe('folder export', () => {
  it('exports the kept samples by default, labelled with the reviewer reason else the original', async () => {
    const w = await open(INPUTS);
    await w.review(['dataset1.csv#1'], { status: 'keep', reason: 'great sample' });
    await w.review(['dataset1.csv#4'], { status: 'keep' });
    await w.review(['dataset1.csv#2'], { status: 'drop', reason: 'ignored' });
    const out = join(w.base, 'kept');
    const result = await run(w, out);
    expect(result).toMatchObject({ rows: 2, files: 4, skipped: [], out });
    const rows = await metadata(out);
    expect(rows.map((r) => [r.sample_id, r.label, r.status, r.reviewer])).toEqual([
      ['dataset1.csv#1', 'great sample', 'keep', 'tester'],
      ['dataset1.csv#4', '', 'keep', 'tester'],
    ]);
    expect(rows.every((r) => r.decided_at && r.row_hash && r.source_log === 'flagged/dataset1.csv')).toBe(
      true,
    );
    const card = await readFile(join(out, 'README.md'), 'utf8');
    expect(card).toContain('| great sample | 1 |');
    expect(card).toContain('review status keep');
  });

  it('never replaces an existing output unless asked, and then only with a complete export', async () => {
    const w = await open(INPUTS);
    const out = join(w.base, 'out');
    await run(w, out, { statuses: ['any'] });
    await writeFile(join(out, 'mine.txt'), 'do not lose me');
    await expect(run(w, out, { statuses: ['any'] })).rejects.toThrow(OutputExistsError);
    expect(await readFile(join(out, 'mine.txt'), 'utf8')).toBe('do not lose me');
    await run(w, out, { statuses: ['any'], overwrite: true, format: 'parquet' });
    expect((await readdir(out)).sort()).toEqual(['README.md', 'data']);
    expect((await readdir(w.base)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('skips a sample whose file is missing, with its id and why, and exports the rest', async () => {
    const w = await open(INPUTS);
    const [first] = (await w.ws.query({ filter: {}, offset: 0, limit: 1 })).rows;
    const image = first.cells.flatMap((cell) => cell.assets).find((asset) => asset.media === 'image');
    await rm(join(w.ws.info().folders[0].path, image?.path ?? 'none'));
    for (const format of ['gradio', 'imagefolder', 'parquet'] as const) {
      const result = await run(w, join(w.base, format), { statuses: ['any'], format });
      expect(result.skipped[0]).toEqual({
        id: 'dataset1.csv#1',
        reason: `image: file missing: ${image?.ref}`,
      });
      expect(result.rows).toBe(format === 'imagefolder' ? 2 : 3);
    }
  });

  it('says how many samples each status has when nothing is selected', async () => {
    const w = await open(INPUTS);
    await w.review(['dataset1.csv#3'], { status: 'drop' });
    await expect(run(w, join(w.base, 'none'))).rejects.toThrow(EmptySelectionError);
    await expect(run(w, join(w.base, 'none'))).rejects.toThrow(
      'no samples to export with status keep (matching the filter: 0 keep, 1 drop, 0 unsure, 3 unreviewed)',
    );
    expect(await readdir(w.base)).not.toContain('none');
  });

  it('leaves nothing behind when cancelled', async () => {
    const w = await open(INPUTS);
    const controller = new AbortController();
    controller.abort();
    await expect(
      run(w, join(w.base, 'cancelled'), { statuses: ['any'], signal: controller.signal }),
    ).rejects.toThrow();
    expect((await readdir(w.base)).filter((name) => name.includes('cancelled'))).toEqual([]);
  });

  it('keeps, drops or pseudonymizes usernames; the same user gets the same pseudonym every time', async () => {
    const w = await open(USERS);
    const usernamesOf = async (privacy: ExportPrivacy, name: string): Promise<(string | undefined)[]> => {
      const out = join(w.base, name);
      await run(w, out, { statuses: ['any'], format: 'gradio', privacy });
      const w2 = await openWorld([out]);
      try {
        const { rows } = await w2.ws.query({ filter: {}, offset: 0, limit: 10 });
        return rows.map((row) => row.username ?? undefined);
      } finally {
        await w2.close();
      }
    };
    const logged = (await w.ws.query({ filter: {}, offset: 0, limit: 10 })).rows.map(
      (r) => r.username ?? undefined,
    );
    expect(logged.filter(Boolean)).toEqual(['alice', 'zoë']);
    const kept = await usernamesOf(KEEP_USERNAMES, 'kept');
    expect(kept).toEqual(logged);
    const dropped = await usernamesOf({ username: 'drop', stripExif: false }, 'dropped');
    expect(dropped).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const first = await usernamesOf({ username: 'pseudonymize', stripExif: false }, 'p1');
    const second = await usernamesOf({ username: 'pseudonymize', stripExif: false }, 'p2');
    expect(first).toEqual(second);
    expect(first[0]).toMatch(/^user-[0-9a-f]{12}$/);
    expect(first.map((name) => name === undefined)).toEqual(logged.map((name) => name === undefined));
    expect(new Set(first.filter(Boolean)).size).toBe(2);
    expect(first).not.toContain('alice');
    expect(first).not.toContain('zoë');
  });
});

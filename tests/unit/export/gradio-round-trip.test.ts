// The Gradio-folder export read back by Flagdeck's own reader, for every generated fixture of
// every Gradio version: the same samples in the same order, every cell's text unchanged except
// file references, which resolve inside the export to files with the same bytes; the review
// columns carry the label, the original flag and the status.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SampleRow } from '../../../src/shared/model';
import { ColumnMap } from '../../../src/main/export/columns';
import { exportToFolder } from '../../../src/main/export/export-to-folder';
import { exportedLabel } from '../../../src/main/export/sample';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { fixtureCases } from './fixture-cases';
import { openWorld, type ExportWorld } from './support';

const worlds: ExportWorld[] = [];
const opened: Workspace[] = [];
afterAll(async () => {
  await Promise.all(opened.map((ws) => ws.dispose()));
  await Promise.all(worlds.map((w) => w.close()));
});

async function allRows(ws: Workspace): Promise<SampleRow[]> {
  const { rows } = await ws.query({ filter: {}, offset: 0, limit: 1000 });
  return rows;
}

const sha = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('Gradio-folder export, read back by Flagdeck', () => {
  it.each(fixtureCases().map((c) => [`${c.version}/${c.name}`, c] as const))('%s', async (_, fixture) => {
    const world = await openWorld([fixture.folder]);
    worlds.push(world);
    // A review on the first sample: its label must be the reviewer's reason.
    const originals = await allRows(world.ws);
    expect(originals.length).toBeGreaterThan(0);
    await world.review([originals[0].id], {
      reason: 'relabelled',
      status: 'keep',
      note: '-a note, with =signs',
    });
    const before = await allRows(world.ws);

    const out = join(world.base, 'export');
    const result = await exportToFolder(world.ws, {
      selection: { filter: {}, statuses: ['any'] },
      format: 'gradio',
      privacy: { username: 'keep', stripExif: false },
      out,
      overwrite: false,
    });
    const skipped = new Set(result.skipped.map((s) => s.id));
    const expected = before.filter((row) => !skipped.has(row.id));
    expect(result.rows).toBe(expected.length);
    for (const { id, reason } of result.skipped) expect(reason, id).toMatch(/missing|outside/);

    const reread = createWorkspace({ emit: () => undefined, follow: false });
    opened.push(reread);
    await reread.open([out]);
    await reread.whenIndexed();
    const exported = await allRows(reread);
    expect(reread.info().folders[0].logs.map((l) => [l.file, l.layout, l.errors])).toEqual([
      ['log.csv', 'csv-logger', []],
    ]);
    expect(exported).toHaveLength(expected.length);

    const sourceColumns = new ColumnMap(world.ws.info());
    const exportColumns = new ColumnMap(reread.info());
    const sourceRoot = world.ws.info().folders[0].path;
    for (const [i, original] of expected.entries()) {
      const copy = exported[i];
      const fromCells = sourceColumns.cellsOf(original);
      const toCells = exportColumns.cellsOf(copy);
      for (const column of sourceColumns.columns) {
        const from = fromCells.get(column.name);
        const to = toCells.get(column.name);
        const where = `${original.id} ${column.name}`;
        const resolved = from?.assets.filter((a) => a.status === 'resolved') ?? [];
        if (resolved.length === 0) {
          expect(to?.text ?? '', where).toBe(from?.text ?? '');
          continue;
        }
        const copies = to?.assets.filter((a) => a.status === 'resolved') ?? [];
        expect(copies.length, where).toBe(resolved.length);
        const want = await Promise.all(resolved.map((a) => sha(join(sourceRoot, a.path ?? ''))));
        const got = await Promise.all(copies.map((a) => sha(join(out, a.path ?? ''))));
        expect(got.sort(), where).toEqual(want.sort());
      }
      expect(copy.originalReason ?? null, original.id).toBe(exportedLabel(original) || null);
      expect(toCells.get('status')?.text, original.id).toBe(original.review.status);
      expect(toCells.get('note')?.text ?? '', original.id).toBe(original.review.note);
      expect(toCells.get('original_flag')?.text || null, original.id).toBe(original.originalReason || null);
      expect(copy.username || null, original.id).toBe(original.username || null);
    }
  });
});

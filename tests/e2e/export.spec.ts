// Export in serve mode: keep part of a folder of 6,000 flagged images from the UI, open the Export
// dialog (Shift+E), export the kept samples as an imagefolder with the EXIF pass, watch the
// progress bar, and find the dataset on disk with exactly the kept samples.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, imageLogFolder, startServe, test, type ServeHandle } from './support';
import { keepFlaggedAndOpenExport, matchCount, openApp, screenshot } from './ui-helpers';

const ROWS = 6000;
let base: string;
let server: ServeHandle & { folders: string[] };

test.beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-e2e-export-'));
  const folder = join(base, 'flagged');
  await imageLogFolder(folder, ROWS);
  server = { ...(await startServe([folder])), folders: [folder] };
});

test.afterAll(async () => {
  await server?.stop();
  await rm(base, { recursive: true, force: true });
});

test('exports the kept samples to a folder from the dialog, with progress', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, { ...server });
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(ROWS));

  // Keep every sample flagged "good" (two in three), in one bulk edit.
  const dialog = await keepFlaggedAndOpenExport(page, { flag: 'good', kept: 4000, total: ROWS });
  const summary = dialog.getByTestId('export-summary');
  await expect(summary.getByRole('table', { name: 'Samples per label' })).toContainText('good');
  await expect(dialog.getByLabel('Layout')).toHaveValue('imagefolder');

  const out = join(base, 'kept-dataset');
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByLabel('Remove EXIF metadata (GPS included) from images').check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();

  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { intervals: [20] })
    .toBeGreaterThan(0);
  await expect(dialog.getByRole('button', { name: 'Cancel export' })).toBeVisible();
  await screenshot(page, 'export-progress');

  const result = dialog.getByTestId('export-result');
  await expect(result).toContainText('Exported 4,000 samples', { timeout: 60_000 });
  await expect(dialog.getByTestId('export-path')).toHaveText(out);
  await screenshot(page, 'export-done');

  const metadata = (await readFile(join(out, 'data/train/metadata.jsonl'), 'utf8')).trim().split('\n');
  const records = metadata.map((line) => JSON.parse(line) as Record<string, string>);
  expect(records).toHaveLength(4000);
  expect(new Set(records.map((r) => r.label))).toEqual(new Set(['good']));
  expect(new Set(records.map((r) => r.status))).toEqual(new Set(['keep']));
  expect(records[0].file_name).toMatch(/^images\/0000\/000000-input\.png$/);
  const images = await readdir(join(out, 'data/train/images'), { recursive: true });
  expect(images.filter((name) => name.endsWith('.png'))).toHaveLength(4000);
  // Nothing half-written is left beside the result.
  expect((await readdir(base)).sort()).toEqual(['flagged', 'kept-dataset']);
});

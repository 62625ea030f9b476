// Replay in the browser against a real Gradio app: an image → image app flagged by its version 1,
// served in its version 2. Drop one sample, filter to the unreviewed ones, connect, check the
// proposed mapping, replay with progress, list the `changed` ones in the panel and triage them; then
// filter the table on its `replay` column and look at the image sample side by side in the detail
// pane (the flagged output and the one version 2 returns now).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradioPython, NO_GRADIO, startApps, type RunningApps } from '../support/gradio-apps';
import { expect, startServe, test, type ServeHandle } from './support';
import { matchCount, openApp, press, rowOf, screenshot } from './ui-helpers';

let base: string;
let apps: RunningApps;
let server: ServeHandle & { folders: string[] };

test.skip(!gradioPython, NO_GRADIO);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  base = await mkdtemp(join(tmpdir(), 'flagdeck-e2e-replay-'));
  // Each call of version 2 takes 1.5 s (flagging version 1 does not wait): progress can be seen.
  apps = await startApps({ apps: ['image'], flagInto: base, delay: 1.5 });
  server = { ...(await startServe([join(base, 'image')])), folders: [join(base, 'image')] };
});

test.afterAll(async () => {
  await server?.stop();
  await apps?.stop();
  if (base) await rm(base, { recursive: true, force: true });
});

test('replays a filtered selection against a live Gradio app and shows an image side by side', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page, server);
  await rowOf(page, 'dataset1.csv#3').click();
  await press(page, 'x');
  await expect(rowOf(page, 'dataset1.csv#3').locator('.td-status')).toHaveText('drop');
  await page.getByLabel('Filter by status').selectOption('unreviewed');
  await expect(page.locator('.tr[data-sample]')).toHaveCount(2);

  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  const dialog = page.getByTestId('replay-dialog');
  await dialog.getByLabel('Gradio app (URL or Space id)').fill(apps.apps.image ?? '');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toContainText(`Gradio ${apps.gradio}`);
  await expect(dialog.getByLabel('Column for input photo')).toHaveValue('photo');
  await expect(dialog.getByLabel('Column for output inverted')).toHaveValue('inverted');
  await expect(dialog).toContainText('same pixels after decoding');
  await screenshot(page, 'replay-mapping');

  await dialog.getByLabel('Calls at once').fill('1');
  // A call unanswered this long is cancelled and retried (the run keeps it in run.json).
  await expect(dialog.getByLabel('Timeout per call (s)')).toHaveValue('120');
  await dialog.getByLabel('Timeout per call (s)').fill('30');
  await dialog.getByRole('button', { name: 'Replay the samples of the current filter' }).click();
  // One call at a time: the progress bar stands at 1 of 2 while the second call runs.
  const progress = dialog.getByRole('progressbar', { name: 'Replay progress' });
  await expect(progress).toHaveAttribute('value', '1');
  await expect(progress).toHaveAttribute('max', '2');
  await expect(dialog.getByRole('status')).toContainText('1 / 2 replayed');
  await expect(dialog.getByTestId('replay-summary')).toContainText(
    'Replayed 2 of 2: 1 same, 1 changed, 0 errors, 0 skipped',
  );
  await dialog.getByRole('button', { name: /^changed \(1\)$/ }).click();
  await dialog
    .getByRole('list', { name: 'Samples changed' })
    .getByRole('button', { name: 'dataset1.csv#2' })
    .click();
  const comparison = dialog.getByTestId('replay-comparison');
  await expect(comparison).toContainText('changed');
  await expect(comparison).toContainText('perceptual-hash distance');
  const flagged = comparison.getByRole('img', { name: 'flagged output' });
  const replayed = comparison.getByRole('img', { name: 'replayed output' });
  // Both images loaded (decoded to their 6 × 3 pixels), not broken links.
  for (const image of [flagged, replayed]) {
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBe(6);
  }
  await dialog.getByRole('button', { name: /^same \(1\)$/ }).click();
  await expect(dialog.getByRole('list', { name: 'Samples same' })).toContainText('dataset1.csv#1');
  await dialog.getByRole('button', { name: /^changed \(1\)$/ }).click();
  await dialog
    .getByRole('list', { name: 'Samples changed' })
    .getByRole('button', { name: 'dataset1.csv#2' })
    .click();
  await expect(comparison.getByRole('img', { name: 'replayed output' })).toBeVisible();
  await screenshot(page, 'replay-side-by-side');

  // Triage every changed sample in one edit: the table shows it.
  await dialog
    .getByRole('group', { name: 'Triage the changed samples' })
    .getByRole('button', { name: 'keep' })
    .click();
  await expect(dialog.getByText('keep: 1 changed sample saved')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The table's replay column shows each sample's outcome in the latest run; the dropped sample
  // was not in the selection.
  await page.getByLabel('Filter by status').selectOption('');
  await expect(page.locator('.tr[data-sample]')).toHaveCount(3);
  await expect(rowOf(page, 'dataset1.csv#1').locator('.td-replay')).toHaveText('same');
  await expect(rowOf(page, 'dataset1.csv#2').locator('.td-replay')).toHaveText('changed');
  await expect(rowOf(page, 'dataset1.csv#3').locator('.td-replay')).toHaveText('');
  // Filter the table on `changed`: the same query path as every filter (the count says so too).
  await page.getByLabel('Filter by replay outcome').selectOption('changed');
  await expect(page.locator('.tr[data-sample]')).toHaveCount(1);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(1));
  await expect(rowOf(page, 'dataset1.csv#2').locator('.td-status')).toHaveText('keep');

  // The side-by-side view in the detail pane: the flagged and the replayed image, the rule, the verdict.
  await rowOf(page, 'dataset1.csv#2').click();
  const detail = page.getByTestId('detail-pane');
  const side = detail.getByTestId('replay-comparison');
  await expect(side).toContainText('changed');
  await expect(side).toContainText('rule: same pixels after decoding');
  await expect(side).toContainText('perceptual-hash distance');
  for (const name of ['flagged output', 'replayed output']) {
    const image = side.getByRole('img', { name });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBe(6);
  }
  await screenshot(page, 'replay-detail');

  // `not replayed` finds the dropped sample; `same` the other one.
  await page.getByLabel('Filter by replay outcome').selectOption('none');
  // Its rule, on hover: a result made from a row since rewritten counts as not replayed.
  await expect(page.getByLabel('Filter by replay outcome').locator('option[value="none"]')).toHaveAttribute(
    'title',
    'No result in the run shown, or the log row was rewritten since it was replayed',
  );
  await expect(page.locator('.tr[data-sample]')).toHaveCount(1);
  await expect(rowOf(page, 'dataset1.csv#3')).toBeVisible();
  await page.getByLabel('Filter by replay outcome').selectOption('same');
  await expect(page.locator('.tr[data-sample]')).toHaveCount(1);
  await expect(rowOf(page, 'dataset1.csv#1')).toBeVisible();
});

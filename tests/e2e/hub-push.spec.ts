// Push to the Hub in serve mode: keep part of a folder of flagged images, open the Export dialog,
// choose "Push to a Hugging Face Hub dataset", name the repo and the local Hub server, and watch
// the byte progress (the server answers uploads slowly so the bar is seen mid-push), then follow
// the link to the result. The token comes from the serve process's HF_TOKEN, never the page.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubServer, type HubServer } from '../support/hub-server';
import { expect, imageLogFolder, startServe, test, type ServeHandle } from './support';
import { keepFlaggedAndOpenExport, openApp, press, screenshot } from './ui-helpers';

const ROWS = 90;
const TOKEN = 'hf_e2e_push_token_5c0ffee';
let base: string;
let hub: HubServer;
let server: ServeHandle & { folders: string[] };

test.beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-e2e-hub-'));
  const folder = join(base, 'flagged');
  // Distinct bytes per image, so each is its own upload and the media outweigh the card and
  // metadata on the progress bar.
  await imageLogFolder(folder, ROWS, 8000);
  hub = await startHubServer({ tokens: { [TOKEN]: { user: { name: 'reviewer' }, role: 'write' } } });
  const env = { HF_TOKEN: TOKEN, HF_ENDPOINT: '' };
  server = { ...(await startServe([folder], { env })), folders: [folder] };
});

test.afterAll(async () => {
  await server?.stop();
  await hub?.close();
  await rm(base, { recursive: true, force: true });
});

test('pushes the kept samples to a Hub dataset from the dialog, with byte progress and a link', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page, { ...server });
  const dialog = await keepFlaggedAndOpenExport(page, { flag: 'good', kept: 60 });
  await dialog.getByLabel('Push to a Hugging Face Hub dataset').check();
  await expect(dialog.getByLabel('Output folder')).toHaveCount(0);
  await dialog.getByLabel('Dataset repo').fill('reviewer bad id');
  await expect(dialog.getByRole('alert')).toContainText('Use owner/name');
  await expect(dialog.getByRole('button', { name: 'Push', exact: true })).toBeDisabled();
  await dialog.getByLabel('Dataset repo').fill('reviewer/kept-flags');
  await dialog.getByLabel('Hub URL').fill(hub.url);

  // Slow uploads: each LFS PUT waits, so the push takes a few seconds.
  hub.faults.add({
    method: 'PUT',
    path: /^\/lfs-upload\//,
    times: Infinity,
    action: { kind: 'delay', ms: 250 },
  });
  await dialog.getByRole('button', { name: 'Push', exact: true }).click();

  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(dialog.getByTestId('export-progress')).toContainText(/Uploading: .* \/ /, { timeout: 30_000 });
  // React keeps a progress bar's value and max as properties, not attributes.
  const fraction = () =>
    bar.evaluate(
      (el) =>
        (el as unknown as { value: number; max: number }).value / (el as unknown as { max: number }).max,
    );
  await expect.poll(fraction, { intervals: [20] }).toBeGreaterThan(0.2);
  expect(await fraction()).toBeLessThan(1);
  await expect(dialog.getByRole('button', { name: 'Cancel push' })).toBeVisible();
  await screenshot(page, 'hub-push-progress');

  const link = dialog.getByTestId('hub-link');
  await expect(link).toHaveText('reviewer/kept-flags', { timeout: 60_000 });
  await expect(dialog.getByTestId('export-result')).toContainText('Pushed 60 samples');
  await expect(link).toHaveAttribute('href', `${hub.url}/datasets/reviewer/kept-flags`);
  await screenshot(page, 'hub-push-done');

  // On the Hub: a private repo whose last commit advertises 60 rows, all labelled "good".
  const repo = hub.store.get('dataset', 'reviewer/kept-flags')!;
  expect(repo.private).toBe(true);
  const head = repo.commits.get(repo.branches.get('main')!)!;
  const metadata = hub.store.bytesOf(repo, head.files.get('data/train/metadata.jsonl')!)!.toString();
  const rows = metadata
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string>);
  expect(rows).toHaveLength(60);
  expect(new Set(rows.map((r) => r.label))).toEqual(new Set(['good']));
  expect(head.files.has('README.md')).toBe(true);
  expect(await page.content()).not.toContain(TOKEN);
});

test('says where to put a token when there is none, in the dialog', async ({ page }) => {
  const hfHome = join(base, 'empty-hf-home');
  await mkdir(hfHome);
  const bare = await startServe([server.folders[0]], {
    env: { HF_TOKEN: '', HF_HOME: hfHome, HF_ENDPOINT: '' },
  });
  try {
    await openApp(page, { ...bare, folders: server.folders });
    await press(page, 'Shift+E');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('Samples', { exact: true }).selectOption('any');
    await dialog.getByLabel('Push to a Hugging Face Hub dataset').check();
    await dialog.getByLabel('Dataset repo').fill('reviewer/no-token');
    await dialog.getByLabel('Hub URL').fill(hub.url);
    await dialog.getByRole('button', { name: 'Push', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      `No Hugging Face token: set HF_TOKEN, or log in with \`hf auth login\` (it writes ${join(hfHome, 'token')})`,
    );
    expect(hub.store.get('dataset', 'reviewer/no-token')).toBeUndefined();
  } finally {
    await bare.stop();
  }
});

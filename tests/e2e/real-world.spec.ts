// Real flagging folders from public repositories: Windows paths with ragged rows, a ChatCSVLogger
// log, ragged rows with repo-relative paths, and one whose audio was never committed. Every present asset must show,
// and every missing one must carry its badge.
import type { Page } from '@playwright/test';
import type { SampleRow } from '../../src/shared/model';
import { expect, realWorld, realWorldMissing, test } from './support';
import { api, expectCurrent, matchCount, naturalWidth, openApp, press, screenshot } from './ui-helpers';

const folders = [
  realWorld('Aditya-0009__Deepfake-image-detection', 'flagged'),
  realWorld('IMMontoya__instant_interview_bot', '.gradio', 'flagged'),
  realWorld('AbrarNotFound__Face-recognition-', 'flagged'),
  // Not one of the three named in the issue: its audio was never committed, so a badge must show.
  realWorld('JHiba__story2audio', '.gradio', 'flagged'),
];

test.skip(realWorldMissing !== null, realWorldMissing ?? '');
test.use({ serveFolders: folders });

const previewOf = { image: 'preview-image', audio: 'preview-audio', video: 'preview-video' } as const;

async function checkAssets(page: Page, row: SampleRow): Promise<{ shown: number; badged: number }> {
  const pane = page.getByTestId('detail-pane');
  const assets = row.cells.flatMap((c) => c.assets);
  const resolved = assets.filter((a) => a.status === 'resolved');
  const badged = assets.length - resolved.length;
  await expect(pane.locator('[data-testid="asset-missing"], [data-testid="asset-outside"]')).toHaveCount(
    badged,
  );
  for (const media of ['image', 'audio', 'video'] as const) {
    const expected = resolved.filter((a) => a.media === media).length;
    await expect(pane.getByTestId(previewOf[media])).toHaveCount(expected);
  }
  const images = pane.getByTestId('preview-image');
  for (let i = 0; i < (await images.count()); i++) {
    await expect.poll(() => naturalWidth(images.nth(i))).toBeGreaterThan(0);
  }
  const files = resolved.filter((a) => !(a.media in previewOf)).length;
  await expect(pane.getByTestId('preview-file')).toHaveCount(files);
  return { shown: resolved.length, badged };
}

test('shows every present asset and badges every missing one, row by row', async ({ page, server }) => {
  await openApp(page, server);
  await expect(page.locator('.chip')).toHaveCount(4);
  const { total, rows } = await api(server, 'samples.query', { offset: 0, limit: 1000 });
  expect(total).toBe(rows.length);
  let shown = 0;
  let badged = 0;
  for (const row of rows) {
    await press(page, 'j');
    await expectCurrent(page, row);
    const counts = await checkAssets(page, row);
    shown += counts.shown;
    badged += counts.badged;
  }
  console.log(`real-world: ${rows.length} rows, ${shown} assets shown, ${badged} badged`);
  expect(shown).toBeGreaterThan(0);
  expect(badged).toBeGreaterThan(0);
});

test('draws the ChatCSVLogger conversation as bubbles', async ({ page, server }) => {
  await openApp(page, server);
  const info = await api(server, 'workspace.info', {});
  const chat = info.folders.find((f) => f.logs[0]?.layout === 'chat');
  expect(chat, 'the ChatCSVLogger folder is read as a chat log').toBeDefined();
  const { rows } = await api(server, 'samples.query', {
    filter: { folderIds: [chat?.id ?? ''] },
    offset: 0,
    limit: 10,
  });
  expect(rows.length).toBe(2);
  await page.getByLabel('Filter by log').selectOption(`${chat?.id}/${chat?.logs[0].file}`);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(2));
  await page.locator('.tr[data-sample]').first().click();
  await expect(page.locator('.bubble-user').first()).toBeVisible();
  await expect(page.locator('.bubble-assistant').first()).toBeVisible();
  await screenshot(page, 'real-world-chat');
});

test('shows the Windows-path images side by side with a ragged row’s extra cells', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const info = await api(server, 'workspace.info', {});
  const aditya = info.folders.find((f) => f.logs[0]?.columns.some((c) => c.name === 'True Label'));
  expect(aditya).toBeDefined();
  await page.getByLabel('Filter by log').selectOption(`${aditya?.id}/${aditya?.logs[0].file}`);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(4));
  await page.locator('.tr[data-sample]').first().click();
  await expect(page.locator('.image-row [data-testid="preview-image"]').first()).toBeVisible();
  await screenshot(page, 'real-world-images');
});

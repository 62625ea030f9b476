// Odd paths and late files on screen: a path that leaves the folder shows the outside badge (and
// is never served), a file written after its row replaces the missing badge without a reload, and
// the grid shows a frame of a video sample (or says plainly that the browser cannot decode it).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, fixture, test } from './support';
import { openApp, press, rowOf, screenshot } from './ui-helpers';

test.use({ serveFolders: [fixture('edges', 'flagged')], serveCopies: true });

test('a path that leaves the folder shows the outside badge', async ({ page, server }) => {
  await openApp(page, server);
  for (const id of ['log.csv#2', 'log.csv#3']) {
    await expect(rowOf(page, id).getByTestId('asset-outside')).toBeVisible();
    await expect(rowOf(page, id).getByTestId('asset-outside')).toContainText('outside folder');
  }
  await rowOf(page, 'log.csv#2').click();
  await expect(page.getByTestId('detail-pane').getByTestId('asset-outside')).toContainText('passwd');
  await screenshot(page, 'edges-outside');
});

test('a file that arrives after its row replaces the missing badge, without a reload', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const row = rowOf(page, 'log.csv#4');
  await expect(row.getByTestId('asset-missing')).toBeVisible();
  const reloads: string[] = [];
  page.on('framenavigated', (frame) => reloads.push(frame.url()));
  const folder = server.folders[0];
  mkdirSync(join(folder, 'photo', '2c3d4e5f607182930415'), { recursive: true });
  copyFileSync(
    fixture('gradio', 'inputs', 'green.png'),
    join(folder, 'photo', '2c3d4e5f607182930415', 'late.png'),
  );
  await expect(row.getByTestId('asset-missing')).toHaveCount(0, { timeout: 10_000 });
  await expect(row.locator('img')).toBeVisible();
  expect(reloads).toEqual([]);
  await screenshot(page, 'edges-late-file');
});

test('the grid shows a frame of a video sample, or says it cannot', async ({ page, server }) => {
  await openApp(page, server);
  await press(page, 'g');
  const tile = page.locator('.tile[data-sample="log.csv#1"]');
  const video = tile.getByTestId('video-frame');
  await expect(video).toBeVisible();
  await expect
    .poll(() =>
      video.evaluate((element) => {
        const v = element as unknown as { readyState: number; videoWidth: number };
        return v.readyState >= 2 ? v.videoWidth : 0;
      }),
    )
    .toBeGreaterThan(0);
  const broken = page.locator('.tile[data-sample="log.csv#5"]');
  await expect(broken.getByTestId('video-no-frame')).toContainText('no preview');
  await screenshot(page, 'edges-video-grid');
});

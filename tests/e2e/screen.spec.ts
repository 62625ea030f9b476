// The review screen in serve mode on folders written by real Gradio: open, page, filter, preview
// image and audio, live appends, the shortcut list, the grid, and the token.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendToLog, copyFolder, expect, fixture, removeCopy, bundledFolder, test } from './support';
import {
  api,
  expectCurrent,
  matchCount,
  mediaState,
  naturalWidth,
  openApp,
  press,
  rowIn,
  rowOf,
  screenshot,
  wavDuration,
} from './ui-helpers';

const flaggingOptions = fixture('gradio', '4.44.1', 'flagging_options', 'flagged');

// These tests open temp copies from the UI by path: outside the served folder, so the server
// allows opening anywhere (on loopback, once is enough).
test.use({ serveFolders: [flaggingOptions], serveCopies: true, serveArgs: ['--allow-open-anywhere'] });

// Folders these tests open from the UI are temp copies too: Flagdeck keeps thumbnails and its
// journal beside a folder, and the fixtures must stay as they are.
let bundledCopy = '';
let dropCopy = '';
test.beforeAll(async () => {
  bundledCopy = await copyFolder(bundledFolder);
  dropCopy = await copyFolder(fixture('gradio', '5.50.0', 'username', '.gradio', 'flagged'));
});
test.afterAll(async () => {
  await Promise.all([removeCopy(bundledCopy), removeCopy(dropCopy)]);
});

test('opens a second folder by path and pages through every sample', async ({ page, server }) => {
  await openApp(page, server);
  await expect(page.getByTestId('match-count')).toHaveText('4 samples');
  await page.getByRole('button', { name: '+ Open' }).click();
  await page.getByLabel('Folder path').fill(bundledCopy);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.locator('.chip')).toHaveCount(2);
  await expect(page.getByTestId('match-count')).toHaveText('7 samples');

  const { rows } = await api(server, 'samples.query', { offset: 0, limit: 100 });
  expect(rows).toHaveLength(7);
  for (const row of rows) {
    await press(page, 'j');
    await expectCurrent(page, row);
  }
  await press(page, 'j');
  await expectCurrent(page, rows[6]);
  await press(page, 'k');
  await expectCurrent(page, rows[5]);
  await screenshot(page, 'table');
});

test('filters by flag reason and keeps the matching count in view', async ({ page, server }) => {
  await openApp(page, server);
  await page.getByLabel('Filter by flag reason').selectOption('wrong');
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(2));
  await expect(page.locator('.tr[data-sample]')).toHaveCount(2);
  for (const reason of await page.locator('.tr[data-sample] .td-originalReason').allTextContents()) {
    expect(reason).toBe('wrong');
  }
  await page.getByLabel('Search text').fill('3+3');
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(1));
  await screenshot(page, 'filtered');
  await page.getByLabel('Search text').fill('');
  await page.getByLabel('From date').fill('2099-01-01');
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(0));
  await expect(page.getByText('No samples match')).toBeVisible();
  await page.getByLabel('From date').fill('2000-01-01');
  await page.getByLabel('To date').fill('2099-12-31');
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(2));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('match-count')).not.toContainText(' of ');
});

test('sorts by a column, both ways', async ({ page, server }) => {
  await openApp(page, server);
  const [folder] = (await api(server, 'workspace.info', {})).folders;
  await page.getByLabel('Filter by log').selectOption(`${folder.id}/log.csv`);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(4));
  const questions = page.locator('.tr[data-sample] .td[data-column="question"]');
  const header = page.getByRole('columnheader', { name: /question/ });
  await header.click();
  await expect(questions).toHaveText(['Describe', 'Tell me a joke', 'What is 2+2?', 'What is 3+3?']);
  await header.click();
  await expect(questions).toHaveText(['What is 3+3?', 'What is 2+2?', 'Tell me a joke', 'Describe']);
  await expect(header).toHaveAttribute('aria-sort', 'descending');
});

test('previews an image and plays an audio clip at the file’s duration', async ({ page, server }) => {
  await openApp(page, server);
  const opened = await api(server, 'workspace.open', { paths: [bundledCopy] });
  // The sample folder's id: another open folder may have a `dataset1.csv` too (see rowIn).
  const bundled = opened.folders.find((folder) => folder.path === realpathSync(bundledCopy));
  await page.reload();
  await page.getByLabel('Search text').fill('prompt 1');
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(1));
  await page.locator('.tr[data-sample]').first().click();

  const image = page.locator('[data-column="image_out"] [data-testid="preview-image"]');
  await expect(image).toBeVisible();
  await expect.poll(() => naturalWidth(image)).toBeGreaterThan(0);

  const audio = page.locator('[data-testid="preview-audio"]');
  const [file] = (
    await api(server, 'samples.query', { filter: { text: 'prompt 1' }, offset: 0, limit: 1 })
  ).rows[0].cells
    .flatMap((c) => c.assets)
    .filter((a) => a.media === 'audio');
  const expected = wavDuration(join(bundledCopy, file.path ?? ''));
  await expect
    .poll(async () => {
      const state = await mediaState(audio);
      return state.readyState >= 1 ? state.duration : -1;
    })
    .toBeCloseTo(expected, 2);
  await press(page, ' ');
  await expect.poll(async () => (await mediaState(audio)).currentTime).toBeGreaterThan(0);
  await press(page, ' ');
  await expect.poll(async () => (await mediaState(audio)).paused).toBe(true);
  const paused = (await mediaState(audio)).currentTime;
  await press(page, 'ArrowRight');
  await expect
    .poll(async () => (await mediaState(audio)).currentTime)
    .toBeCloseTo(Math.min(expected, paused + 5), 1);
  await press(page, 'ArrowLeft');
  await expect
    .poll(async () => (await mediaState(audio)).currentTime)
    .toBeCloseTo(Math.max(0, Math.min(expected, paused + 5) - 5), 1);

  // Click zooms the image to 1:1, a second click fits it again.
  await image.click();
  await expect(page.locator('[data-column="image_out"] .image-preview')).toHaveClass(/zoomed/);
  await image.click();
  await expect(page.locator('[data-column="image_out"] .image-preview')).not.toHaveClass(/zoomed/);
  await expect(page.locator('.waveform canvas, .waveform div').first()).toBeAttached();
  await screenshot(page, 'detail-media');

  // The overview for the README: the sample folder's log, this sample open with its previews.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('match-count')).not.toContainText(' of ');
  const sampleLog = page.getByLabel('Filter by log');
  const value = await sampleLog.locator('option', { hasText: 'dataset1.csv' }).getAttribute('value');
  await sampleLog.selectOption(value ?? '');
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(3));
  await rowIn(page, bundled?.id ?? '', 'dataset1.csv#1').click();
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', 'dataset1.csv#1');
  await expect.poll(() => naturalWidth(image)).toBeGreaterThan(0);
  await screenshot(page, 'overview');
});

test('shows a row Gradio appends, live, without losing the selection', async ({ page, server }) => {
  // A short window, so the appended row lands out of view and the "N new" pill has a job.
  await page.setViewportSize({ width: 1400, height: 330 });
  await openApp(page, server);
  const log = join(server.folders[0], 'log.csv');
  const before = (await api(server, 'samples.facets', { filter: {} })).total;
  await rowOf(page, 'log.csv#2').click();
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', 'log.csv#2');

  await appendToLog(log, ['What is 5+5?,,11,wrong,,2026-11-25 13:00:00.000000']);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(before + 1));
  await expect(page.getByTestId('new-rows')).toHaveText('1 new ↓');
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', 'log.csv#2');
  await expect(rowOf(page, 'log.csv#2')).toHaveClass(/current/);
  await screenshot(page, 'live-append');

  await page.getByTestId('new-rows').click();
  await expect(rowOf(page, 'log.csv#5')).toBeVisible();
  await expect(rowOf(page, 'log.csv#5')).toContainText('What is 5+5?');
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', 'log.csv#5');
  await expect(page.getByTestId('new-rows')).toBeHidden();
});

test('lists every shortcut on ?', async ({ page, server }) => {
  await openApp(page, server);
  await press(page, '?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  for (const label of [
    'Next sample',
    'Next unreviewed sample',
    'Triage: keep',
    'Undo',
    'Play / pause audio or video',
  ]) {
    await expect(help).toContainText(label);
  }
  await screenshot(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('switches to a grid of thumbnails', async ({ page, server }) => {
  await openApp(page, server);
  await press(page, 'g');
  const grid = page.getByTestId('sample-grid');
  await expect(grid).toBeVisible();
  const thumb = grid.locator('.tile img').first();
  await expect(thumb).toBeVisible();
  await expect.poll(() => naturalWidth(thumb)).toBeGreaterThan(0);
  expect(await thumb.getAttribute('src')).toContain('/thumb/');
  await screenshot(page, 'grid');
});

test('refuses the API and the page without the token', async ({ server }) => {
  const page = await fetch(`${server.origin}/`);
  expect(page.status).toBe(401);
  const call = await fetch(`${server.origin}/api/workspace.info`, { method: 'POST', body: '{}' });
  expect(call.status).toBe(401);
  const wrong = await fetch(`${server.origin}/api/workspace.info`, {
    method: 'POST',
    body: '{}',
    headers: { Authorization: 'Bearer not-the-token' },
  });
  expect(wrong.status).toBe(401);
});

test('opens a folder dropped on the open panel as a file URI', async ({ page, server }) => {
  await openApp(page, server);
  const before = await page.locator('.chip').count();
  await page.getByRole('button', { name: '+ Open' }).click();
  const data = await page.evaluateHandle((uri) => {
    const transfer = new (
      globalThis as unknown as { DataTransfer: new () => { setData(t: string, v: string): void } }
    ).DataTransfer();
    transfer.setData('text/uri-list', uri);
    return transfer;
  }, pathToFileURL(dropCopy).href);
  await page.getByTestId('open-panel').dispatchEvent('drop', { dataTransfer: data });
  await expect(page.locator('.chip')).toHaveCount(before + 1);
});

test('follows the system theme', async ({ page, server }) => {
  await openApp(page, server);
  const background = (): Promise<string> =>
    page.locator('body').evaluate((el) => {
      const view = (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } })
        .getComputedStyle;
      return view(el).backgroundColor;
    });
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  expect(dark).not.toBe(light);
  await screenshot(page, 'dark');
});

test('says what to do when no folder is open, and reopens a recent one', async ({ page, server }) => {
  await openApp(page, server);
  const chips = page.locator('.chip');
  // Each close waits for its chip to go: a click sent while the list re-renders would land on a chip
  // already closing and leave the last folder open.
  for (let n = await chips.count(); n > 0; n = await chips.count()) {
    await chips
      .first()
      .getByRole('button', { name: /^Close / })
      .click();
    await expect(chips).toHaveCount(n - 1);
  }
  await expect(page.getByRole('heading', { name: 'Open a Gradio flagging folder' })).toBeVisible();
  const recent = page.locator('.recent button');
  await expect(recent.first()).toBeVisible();
  await screenshot(page, 'welcome');
  await recent.filter({ hasText: server.folders[0] }).click();
  await expect(page.locator('.chip')).toHaveCount(1);
});

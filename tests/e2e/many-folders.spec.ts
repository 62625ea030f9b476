// Reviewing two folders together: click then ctrl-click selects both rows (bulk bar); a number key
// gives each folder its own option N and the bulk list says what each choice means per folder; an
// undo says what it undid, readable in the header; a folder chip's row count follows live appends.
import { join } from 'node:path';
import { appendToLog, expect, fixture, test } from './support';
import { api, openApp, press, rowIn, screenshot } from './ui-helpers';

test.use({
  serveFolders: [
    fixture('gradio', '4.44.1', 'flagging_options', 'flagged'),
    fixture('gradio', '5.50.0', 'classic_logger', '.gradio', 'flagged'),
  ],
});

test('selects across folders, sets each folder’s own option N, undoes it and says so', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const [a, b] = (await api(server, 'workspace.info', {})).folders;
  const optionsA = await api(server, 'review.options', { folderId: a.id });
  const optionsB = await api(server, 'review.options', { folderId: b.id });
  const firstA = optionsA.fromLogs[0];
  const firstB = optionsB.fromLogs[0];
  expect(firstA).not.toBe(firstB);

  // Click a row of A, ctrl-click a row of B: both selected, the bulk bar shows.
  await rowIn(page, a.id, 'log.csv#3').click();
  await rowIn(page, b.id, 'log.csv#2').click({ modifiers: ['Control'] });
  const bulk = page.getByTestId('bulk-bar');
  await expect(bulk).toContainText('2 selected');
  await expect(rowIn(page, a.id, 'log.csv#3')).toHaveAttribute('aria-selected', 'true');

  // The bulk list says what option 1 means in each folder.
  const choices = bulk.getByLabel('Set reason on selection').locator('option');
  await expect(choices.nth(1)).toHaveText(new RegExp(`^1: .*→ ${firstA} · .*→ ${firstB}$`));
  await screenshot(page, 'many-folders-bulk');

  // Key 1: each folder's own option 1.
  await press(page, '1');
  await expect(rowIn(page, a.id, 'log.csv#3').locator('.td-reason')).toHaveText(firstA);
  await expect(rowIn(page, b.id, 'log.csv#2').locator('.td-reason')).toHaveText(firstB);
  const status = page.getByTestId('status-line');
  await expect(status).toHaveText('Reason option 1 of each folder: 2 samples saved');

  // Undo says what it undid, in full, in a status line wide enough to read.
  await press(page, 'Escape');
  await press(page, 'Control+z');
  await expect(status).toHaveText('Undid: reason option 1 on 2 samples');
  await expect(rowIn(page, b.id, 'log.csv#2').locator('.td-reason')).not.toHaveText(firstB);
  const fits = await status.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth > 150);
  expect(fits).toBe(true);
  await screenshot(page, 'many-folders-undo');
});

test('a number key over a folder without that option changes nothing and says why', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const [a, b] = (await api(server, 'workspace.info', {})).folders;
  const custom = ['cut off', 'too dark', 'noisy'].map((value) => ({ value, retired: false }));
  await api(server, 'review.setOptions', { folderId: a.id, custom });
  const optionsB = await api(server, 'review.options', { folderId: b.id });
  const beyondB = optionsB.fromLogs.length + optionsB.custom.length + 1;
  await rowIn(page, a.id, 'log.csv#1').click();
  await rowIn(page, b.id, 'log.csv#1').click({ modifiers: ['Control'] });
  const before = await rowIn(page, a.id, 'log.csv#1').locator('.td-reason').textContent();
  await press(page, String(beyondB));
  await expect(page.getByTestId('status-line')).toContainText(`no flag option ${beyondB} in every folder`);
  await expect(rowIn(page, a.id, 'log.csv#1').locator('.td-reason')).toHaveText(before ?? '');
});

test('a folder chip’s row count follows live appends', async ({ page, server }) => {
  await openApp(page, server);
  const [, b] = (await api(server, 'workspace.info', {})).folders;
  const chip = page.getByRole('list', { name: 'Open folders' }).getByRole('listitem').nth(1);
  const rows = b.logs[0].rows;
  await expect(chip).toContainText(`${rows} rows`);
  await appendToLog(join(server.folders[1], 'log.csv'), [
    'live one,,3,good,bob,2026-11-25 12:50:00.000001',
    'live two,,4,,,2026-11-25 12:50:01.000001',
  ]);
  await expect(chip).toContainText(`${rows + 2} rows`);

  // Its progress: reviewed N of M, after a triage key.
  await expect(chip.getByTestId('chip-progress')).toHaveText(`reviewed 0/${rows + 2}`);
  await rowIn(page, b.id, 'log.csv#1').click();
  await press(page, 'x');
  await expect(chip.getByTestId('chip-progress')).toHaveText(`reviewed 1/${rows + 2}`);
});

test('a folder column, and one folder’s own columns when filtered to it', async ({ page, server }) => {
  await openApp(page, server);
  const [a, b] = (await api(server, 'workspace.info', {})).folders;
  const header = page.getByTestId('sample-table').getByRole('columnheader');
  await expect(header.filter({ hasText: 'Folder' })).toHaveCount(1);
  await expect(rowIn(page, a.id, 'log.csv#1').locator('.td-folder')).toHaveText('flagging_options/flagged');
  await page.getByLabel('Filter by folder').selectOption(b.id);
  const names = b.logs[0].columns
    .filter((c) => !['flag', 'username', 'timestamp'].includes(c.kind))
    .map((c) => c.name);
  const dataHeaders = page.getByTestId('sample-table').locator('[role="columnheader"][data-column]');
  await expect
    .poll(() => dataHeaders.evaluateAll((els) => els.map((el) => el.getAttribute('data-column'))))
    .toEqual(names);
  await screenshot(page, 'many-folders-one-folder');
});

// The rest of a reviewer's day over two folders: a note marker and a "Has note" filter, progress per
// folder in the footer, a column picker remembered per folder, a sample's history with undo of one
// entry, and the filter and selected sample kept in the address bar, with saved views.
import { expect, fixture, test } from './support';
import { api, matchCount, openApp, press, rowIn, screenshot } from './ui-helpers';

test.use({
  serveFolders: [
    fixture('gradio', '4.44.1', 'flagging_options', 'flagged'),
    fixture('gradio', '5.50.0', 'classic_logger', '.gradio', 'flagged'),
  ],
});

async function folderIds(server: Parameters<typeof api>[0]): Promise<[string, string]> {
  const [a, b] = (await api(server, 'workspace.info', {})).folders;
  return [a.id, b.id];
}

test('a saved note shows a marker in the table, and "Has note" filters to those samples', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const [a] = await folderIds(server);
  await rowIn(page, a, 'log.csv#2').click();
  await press(page, 'e');
  await page.keyboard.type('answer is off by one');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('status-line')).toContainText('Note: 1 sample saved');
  const marker = rowIn(page, a, 'log.csv#2').getByRole('img', { name: 'Has note' });
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('title', 'answer is off by one');
  await expect(rowIn(page, a, 'log.csv#1').getByRole('img', { name: 'Has note' })).toHaveCount(0);

  await page.getByRole('checkbox', { name: 'Has note' }).check();
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(1));
  await expect(page.locator('.tr[data-sample]')).toHaveCount(1);
  await screenshot(page, 'reviewer-day-has-note');
  await page.getByRole('checkbox', { name: 'Has note' }).uncheck();
  await expect(page.locator('.tr[data-sample]')).toHaveCount(6);
});

test('the footer shows each folder’s progress: reviewed N of M, per status and reason', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const [a, b] = await folderIds(server);
  await rowIn(page, b, 'log.csv#1').click();
  await press(page, 'x');
  await expect(rowIn(page, b, 'log.csv#1').locator('.td-status')).toHaveText('drop');

  await page.getByText('Progress by folder').click();
  const list = page.getByRole('list', { name: 'Progress by folder' });
  for (const id of [a, b]) {
    const facets = await api(server, 'samples.facets', { filter: { folderIds: [id] } });
    const reviewed = facets.total - (facets.byStatus.unreviewed ?? 0);
    const entry = list.locator(`[data-folder-progress="${id}"]`);
    await expect(entry).toContainText(`reviewed ${reviewed} of ${facets.total}`);
    await expect(entry).toContainText(`drop ${facets.byStatus.drop ?? 0}`);
    for (const r of facets.byReason)
      await expect(entry).toContainText(`${r.reason ?? '(no reason)'} ${r.count}`);
  }
  await expect(list.locator(`[data-folder-progress="${b}"]`)).toContainText('drop 1');
  await screenshot(page, 'reviewer-day-folder-progress');
});

test('the column picker hides and reorders columns, remembered per folder across a reload', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const [a] = await folderIds(server);
  const headers = page.locator('.table-header [role="columnheader"]');
  await page.getByRole('combobox', { name: 'Filter by folder' }).selectOption(a);
  await expect(headers.locator('span:first-child')).toContainText(['question', 'image', 'answer']);

  await page.getByRole('button', { name: 'Columns' }).click();
  const picker = page.getByRole('dialog', { name: 'Columns' });
  await picker.getByRole('checkbox', { name: 'image' }).uncheck();
  // Up past the hidden image column, then past question.
  await picker.getByRole('button', { name: 'Move answer up' }).click();
  await picker.getByRole('button', { name: 'Move answer up' }).click();
  await screenshot(page, 'reviewer-day-column-picker');
  await page.keyboard.press('Escape');
  const order = async () => (await headers.locator('span:first-child').allTextContents()).filter(Boolean);
  expect(await order()).toEqual([
    '#',
    'Folder',
    'Log',
    'Status',
    'Flag (original)',
    'Flag (review)',
    'answer',
    'question',
    'User',
    'Timestamp',
  ]);
  await expect(page.locator('.table-header [data-column="image"]')).toHaveCount(0);
  const answerBeforeQuestion = async () => {
    const titles = await order();
    return titles.indexOf('answer') >= 0 && titles.indexOf('answer') < titles.indexOf('question');
  };
  expect(await answerBeforeQuestion()).toBe(true);

  // Other folders keep their own layout; this folder's comes back after a reload.
  await page.getByRole('combobox', { name: 'Filter by folder' }).selectOption('');
  await expect(page.locator('.table-header [data-column="image"]')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Filter by folder' }).selectOption(a);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Filter by folder' })).toHaveValue(a);
  await expect(page.locator('.table-header [data-column="question"]')).toHaveCount(1);
  await expect(page.locator('.table-header [data-column="image"]')).toHaveCount(0);
  expect(await answerBeforeQuestion()).toBe(true);
});

test('a sample’s history says who changed what, and undoes one entry with a new one', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const [a] = await folderIds(server);
  await rowIn(page, a, 'log.csv#3').click();
  const detail = page.getByTestId('detail-pane');
  await detail.getByRole('button', { name: /^unsure/ }).click();
  const reason = (await api(server, 'review.options', { folderId: a })).fromLogs[0];
  await detail.getByRole('button', { name: new RegExp(`^1 ${reason}$`) }).click();
  await expect(rowIn(page, a, 'log.csv#3').locator('.td-reason')).toHaveText(reason);

  const history = page.getByTestId('sample-history');
  await history.getByText(/^History/).click();
  const entries = history.getByRole('listitem');
  await expect(entries).toHaveCount(2);
  // Newest first; the reviewer is the serve process's user.
  await expect(entries.nth(0)).toContainText(`reason (original) → ${reason}`);
  await expect(entries.nth(1)).toContainText('status unreviewed → unsure');

  await entries
    .nth(1)
    .getByRole('button', { name: /^Undo: status unreviewed → unsure/ })
    .click();
  await expect(rowIn(page, a, 'log.csv#3').locator('.td-status')).toHaveText('unreviewed');
  await expect(rowIn(page, a, 'log.csv#3').locator('.td-reason')).toHaveText(reason);
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('status unsure → unreviewed');
  const journal = await api(server, 'review.history', { folderId: a, id: 'log.csv#3' });
  expect(journal.entries.map((e) => e.set)).toEqual([
    { status: 'unsure' },
    { reason },
    { status: 'unreviewed' },
  ]);
  await screenshot(page, 'reviewer-day-history');
});

test('the filter and the selected sample survive a reload; a saved view brings a filter back', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const [, b] = await folderIds(server);
  await page.getByRole('combobox', { name: 'Filter by folder' }).selectOption(b);
  await page.getByRole('searchbox', { name: 'Search text' }).fill('classic one');
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(1));
  await rowIn(page, b, 'log.csv#1').click();
  await expect(page).toHaveURL(/sample=/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Filter by folder' })).toHaveValue(b);
  await expect(page.getByRole('searchbox', { name: 'Search text' })).toHaveValue('classic one');
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', 'log.csv#1');
  await expect(rowIn(page, b, 'log.csv#1')).toHaveClass(/current/);

  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: 'View name' }).fill('classic only');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('match-count')).not.toHaveText(matchCount(1));
  await page.getByRole('combobox', { name: 'Saved view' }).selectOption({ label: 'classic only' });
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(1));
  await expect(page.getByRole('searchbox', { name: 'Search text' })).toHaveValue('classic one');
  await expect(page.getByRole('button', { name: 'Delete view classic only' })).toBeVisible();
  await screenshot(page, 'reviewer-day-saved-view');
});

// The review flow in serve mode on a copy of a real Gradio folder with flagging options:
// relabel with a number key, triage with a shortcut, a note, bulk edit of a filtered selection,
// undo, flag options settings, and everything still there after a reload.
import { expect, fixture, test } from './support';
import { api, matchCount, openApp, press, rowOf, screenshot } from './ui-helpers';

test.use({ serveFolders: [fixture('gradio', '4.44.1', 'flagging_options', 'flagged')], serveCopies: true });

test('relabels, triages, bulk edits, undoes, and keeps it all after a reload', async ({ page, server }) => {
  await openApp(page, server);
  const [folder] = (await api(server, 'workspace.info', {})).folders;
  const options = (await api(server, 'review.options', { folderId: folder.id })).fromLogs;
  expect(options.length).toBeGreaterThanOrEqual(2);
  const second = options[1];

  // Relabel with a number key, triage with a shortcut, and a note.
  await rowOf(page, 'log.csv#1').click();
  await press(page, '2');
  await expect(rowOf(page, 'log.csv#1').locator('.td-reason')).toHaveText(second);
  await expect(rowOf(page, 'log.csv#1').locator('.td-originalReason')).toHaveText('wrong');
  await press(page, 'a');
  await expect(rowOf(page, 'log.csv#1').locator('.td-status')).toHaveText('keep');
  // Auto-advance (on by default) moved on to the next unreviewed sample; back to the first for its note.
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', 'log.csv#2');
  await rowOf(page, 'log.csv#1').click();
  await press(page, 'e');
  await page.keyboard.type('answer is 4, flagged as wrong');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('status-line')).toContainText('Note');

  // Bulk edit: every sample originally flagged "wrong", set to drop in one step.
  await page.getByLabel('Filter by original flag').selectOption('wrong');
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(2));
  await press(page, 'Control+a');
  await expect(page.getByTestId('bulk-bar')).toContainText('2 selected');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'drop' }).click();
  await expect(rowOf(page, 'log.csv#1').locator('.td-status')).toHaveText('drop');
  await expect(rowOf(page, 'log.csv#4').locator('.td-status')).toHaveText('drop');
  await expect(page.locator('[data-facet="status:drop"] strong')).toHaveText('2');
  await screenshot(page, 'review-bulk');

  // One undo reverts the whole bulk edit, and only it.
  await press(page, 'Escape');
  await press(page, 'Control+z');
  await expect(rowOf(page, 'log.csv#1').locator('.td-status')).toHaveText('keep');
  await expect(rowOf(page, 'log.csv#4').locator('.td-status')).toHaveText('unreviewed');
  await press(page, 'Control+Shift+Z');
  await expect(rowOf(page, 'log.csv#4').locator('.td-status')).toHaveText('drop');
  await press(page, 'Control+z');
  await expect(rowOf(page, 'log.csv#4').locator('.td-status')).toHaveText('unreviewed');

  // A reload shows the state the journal kept.
  await page.reload();
  await expect(rowOf(page, 'log.csv#1')).toBeVisible();
  await expect(rowOf(page, 'log.csv#1').locator('.td-reason')).toHaveText(second);
  await expect(rowOf(page, 'log.csv#1').locator('.td-status')).toHaveText('keep');
  await expect(rowOf(page, 'log.csv#4').locator('.td-status')).toHaveText('unreviewed');
  await rowOf(page, 'log.csv#1').click();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('answer is 4, flagged as wrong');

  // "Next unreviewed" skips the reviewed first row (the bulk edit's filter, kept in the address
  // bar across the reload, is cleared first so that every row is in view).
  await page.getByLabel('Filter by original flag').selectOption('');
  await press(page, 'n');
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', 'log.csv#2');
  await press(page, '0');
  await expect(rowOf(page, 'log.csv#2').locator('.td-reason')).toHaveText('(cleared)');
  await screenshot(page, 'review');
});

test('adds and retires flag options in the folder settings', async ({ page, server }) => {
  await openApp(page, server);
  const [folder] = (await api(server, 'workspace.info', {})).folders;
  const { fromLogs } = await api(server, 'review.options', { folderId: folder.id });
  await rowOf(page, 'log.csv#3').click();
  await press(page, 's');
  const settings = page.getByTestId('options-panel');
  await expect(settings).toBeVisible();
  await settings.getByLabel('New flag option').fill('duplicate');
  await settings.getByRole('button', { name: 'Add' }).click();
  await expect(settings.locator('li .option-value')).toHaveText([...fromLogs, 'duplicate']);
  await settings.locator('li', { hasText: 'offensive' }).getByRole('button', { name: 'retire' }).click();
  await expect(settings.locator('.retired')).toContainText('offensive');

  // The number keys follow the active options: the log's (less the retired one), then the added one.
  const active = [...fromLogs.filter((o) => o !== 'offensive'), 'duplicate'];
  await expect(settings.locator('li .option-value')).toHaveText(active);
  await screenshot(page, 'settings');
  await page.keyboard.press('Escape');
  await press(page, String(active.indexOf('duplicate') + 1));
  await expect(rowOf(page, 'log.csv#3').locator('.td-reason')).toHaveText('duplicate');
  const saved = await api(server, 'review.options', { folderId: folder.id });
  expect(saved.custom).toContainEqual({ value: 'duplicate', retired: false });
  expect(saved.custom).toContainEqual({ value: 'offensive', retired: true });
});

test('applies a triage key to a shift-click range and a ctrl-click pick', async ({ page, server }) => {
  await openApp(page, server);
  await rowOf(page, 'log.csv#1').click();
  await rowOf(page, 'log.csv#3').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-bar')).toContainText('3 selected');
  await rowOf(page, 'log.csv#2').click({ modifiers: ['Control'] });
  await expect(page.getByTestId('bulk-bar')).toContainText('2 selected');
  await press(page, 'u');
  await expect(rowOf(page, 'log.csv#1').locator('.td-status')).toHaveText('unsure');
  await expect(rowOf(page, 'log.csv#3').locator('.td-status')).toHaveText('unsure');
  await expect(rowOf(page, 'log.csv#2').locator('.td-status')).not.toHaveText('unsure');
  await press(page, 'Control+z');
  await expect(rowOf(page, 'log.csv#3').locator('.td-status')).not.toHaveText('unsure');
});

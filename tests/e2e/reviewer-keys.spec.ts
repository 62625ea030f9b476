// What a reviewer's hands expect: a triage key moves on to the next unreviewed sample (a setting
// turns it off), and Escape in the note field cancels the edit.
import { expect, fixture, test } from './support';
import { openApp, press, rowOf, screenshot } from './ui-helpers';

test.use({ serveFolders: [fixture('gradio', '4.44.1', 'flagging_options', 'flagged')] });

test('a triage key moves to the next unreviewed sample, unless the setting is off', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const detail = page.getByTestId('detail-pane');
  await rowOf(page, 'log.csv#2').click();
  await press(page, 'x');
  await expect(rowOf(page, 'log.csv#2').locator('.td-status')).toHaveText('drop');
  await expect(detail).toHaveAttribute('data-sample', 'log.csv#3');

  await press(page, 's');
  const setting = page.getByTestId('options-panel').getByLabel(/After a triage key/);
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await screenshot(page, 'auto-advance-setting');
  await page.keyboard.press('Escape');
  await press(page, 'a');
  await expect(rowOf(page, 'log.csv#3').locator('.td-status')).toHaveText('keep');
  await expect(detail).toHaveAttribute('data-sample', 'log.csv#3');

  // The choice is kept across a reload.
  await page.reload();
  await rowOf(page, 'log.csv#4').click();
  await press(page, 'u');
  await expect(rowOf(page, 'log.csv#4').locator('.td-status')).toHaveText('unsure');
  await expect(detail).toHaveAttribute('data-sample', 'log.csv#4');
});

test('Escape in the note field cancels the edit; Ctrl+Enter saves', async ({ page, server }) => {
  await openApp(page, server);
  await rowOf(page, 'log.csv#1').click();
  const note = page.getByLabel('Note', { exact: true });
  await press(page, 'e');
  await page.keyboard.type('kept note');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('status-line')).toContainText('Note: 1 sample saved');
  await press(page, 'e');
  await page.keyboard.type(' and a draft');
  await page.keyboard.press('Escape');
  await expect(note).toHaveValue('kept note');
  await expect(note).not.toBeFocused();
  await rowOf(page, 'log.csv#2').click();
  await rowOf(page, 'log.csv#1').click();
  await expect(note).toHaveValue('kept note');
});

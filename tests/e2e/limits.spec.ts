// What the browser is refused, said on the screen where the user acted: a folder outside the
// folders `flagdeck serve` was started with, and a note over 64 KB.
import { expect, fixture, test } from './support';
import { openApp, press, rowOf, screenshot } from './ui-helpers';

test.use({ serveFolders: [fixture('gradio', '4.44.1', 'flagging_options', 'flagged')], serveCopies: true });

test('refuses to open a folder outside the served ones, saying how to allow it', async ({ page, server }) => {
  await openApp(page, server);
  await page.getByRole('button', { name: '+ Open' }).click();
  await page.getByLabel('Folder path').fill('/etc');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByText(/outside the folders this server may open/)).toBeVisible();
  await expect(page.getByText(/--allow-open-anywhere/)).toBeVisible();
  await screenshot(page, 'open-refused');
  await page.keyboard.press('Escape');
  await expect(page.locator('.chip')).toHaveCount(1);
});

test('says a note over 64 KB was not saved, and why', async ({ page, server }) => {
  await openApp(page, server);
  await rowOf(page, 'log.csv#2').click();
  await press(page, 'e');
  await page.getByLabel('Note', { exact: true }).fill('x'.repeat(64 * 1024 + 10));
  // Said under the note while typing, and again when saving is refused.
  await expect(page.getByTestId('note-too-long')).toHaveText(
    'This note is 65 KB; a note holds at most 64 KB, so it will not be saved.',
  );
  await page.keyboard.press('Control+Enter');
  const status = page.getByTestId('status-line');
  await expect(status).toContainText('Not saved (Note)');
  await expect(status).toContainText('a note holds at most 64 KB');
  await screenshot(page, 'note-too-long');
});

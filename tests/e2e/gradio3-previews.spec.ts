// Gradio 3.50.2's own output: a chat message holding a file shows that file (here outside the
// folder, as 3.50.2 left it in /tmp), never its raw JSON; the grid tile of that row shows the image
// that resolves; gallery captions (captions.json is an object in 3.x) appear under the image.
import { expect, fixture, test } from './support';
import { openApp, press, rowOf, screenshot } from './ui-helpers';

test.use({ serveFolders: [fixture('gradio', '3.50.2', 'components_outputs', 'flagged')] });

test('a 3.50.2 chat file message shows the file, and the tile the image that resolves', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  await rowOf(page, 'log.csv#2').click();
  const detail = page.getByTestId('detail-pane');
  const chat = detail.locator('.chat-preview');
  await expect(chat.locator('.bubble-user').first()).toContainText('outside folder');
  await expect(chat.locator('.bubble-user').first()).toContainText('input.png');
  await expect(chat).not.toContainText('"is_file"');
  await expect(chat.locator('.bubble-assistant').first()).toContainText('nice picture');
  await chat.scrollIntoViewIfNeeded();
  await screenshot(page, 'gradio3-chat-file');

  await press(page, 'g');
  const tile = page.locator('.tile[data-sample="log.csv#2"]');
  await expect(tile.locator('img')).toBeVisible();
  await expect(tile).not.toContainText('outside folder');
  await expect
    .poll(() =>
      tile.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    )
    .toBeGreaterThan(0);
  await screenshot(page, 'gradio3-grid');
});

test('a 3.x gallery shows its captions', async ({ page, server }) => {
  await openApp(page, server);
  await rowOf(page, 'log.csv#1').click();
  const gallery = page.getByTestId('detail-pane').locator('.gallery-preview');
  await expect(gallery.locator('.caption')).toHaveText('first caption');
  await expect(gallery.getByRole('button', { name: 'input.png' })).toHaveAttribute('title', 'first caption');
  await gallery.scrollIntoViewIfNeeded();
  await screenshot(page, 'gradio3-gallery-caption');
});

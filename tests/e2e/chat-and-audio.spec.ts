// The chat preview marks the message a ChatCSVLogger row liked or disliked; with two audio players
// in one row, Space and the arrows act on the player that has focus.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, fixture, test } from './support';
import { api, mediaState, openApp, rowIn, screenshot } from './ui-helpers';

// A log whose rows hold two audio files: what a voice demo flags (input and output).
const twoAudio = mkdtempSync(join(tmpdir(), 'flagdeck-two-audio-'));
const tone = fixture('gradio', '6.31.0', 'components_outputs', '.gradio', 'flagged', 'audio_out');
for (const name of ['voice', 'echo']) {
  mkdirSync(join(twoAudio, name), { recursive: true });
  copyFileSync(join(tone, '316c543ed008cb2e6723', 'tone.wav'), join(twoAudio, name, `${name}.wav`));
}
writeFileSync(
  join(twoAudio, 'log.csv'),
  'voice,echo,flag,username,timestamp\r\nvoice/voice.wav,echo/echo.wav,,,2026-11-25 12:00:00\r\n',
);
test.afterAll(() => rmSync(twoAudio, { recursive: true, force: true }));

test.use({ serveFolders: [fixture('gradio', '6.31.0', 'chat', '.gradio', 'flagged'), twoAudio] });

const countOf = async (server: Parameters<typeof api>[0], folderId: string) =>
  (await api(server, 'samples.facets', { filter: { folderIds: [folderId] } })).total;

test('the chat preview highlights the liked or disliked message', async ({ page, server }) => {
  await openApp(page, server);
  const [chat] = (await api(server, 'workspace.info', {})).folders;
  await page.getByRole('combobox', { name: 'Filter by folder' }).selectOption(chat.id);
  // Every row shown is the chat folder's: the other folder's rows are gone, not merely outnumbered.
  await expect(page.locator('.tr[data-sample]')).toHaveCount(await countOf(server, chat.id));
  const detail = page.getByTestId('detail-pane');

  // Row 1: index 1, Like: the assistant's answer (message 2 of 2).
  await rowIn(page, chat.id, 'log.csv#1').click();
  const marked = detail.getByTestId('chat-feedback-message');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('👍 Liked');
  await expect(marked).toContainText('Hello — how can I help?');
  await expect(marked).toHaveClass(/bubble-assistant/);

  // Row 2: index 3, Dislike: the fourth message, not the first answer.
  await rowIn(page, chat.id, 'log.csv#2').click();
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('👎 Disliked');
  await expect(marked).not.toContainText('Hello — how can I help?');
  const bubbles = detail.locator('.bubble');
  await expect(bubbles.nth(3)).toHaveAttribute('data-testid', 'chat-feedback-message');
  await screenshot(page, 'chat-feedback');
});

test('with two audio players, the keys act on the focused one', async ({ page, server }) => {
  await openApp(page, server);
  const [, audio] = (await api(server, 'workspace.info', {})).folders;
  await page.getByRole('combobox', { name: 'Filter by folder' }).selectOption(audio.id);
  await expect(page.locator('.tr[data-sample]')).toHaveCount(1);
  await page.locator('.tr[data-sample="log.csv#1"]').click();
  const players = page.getByTestId('preview-audio');
  await expect(players).toHaveCount(2);
  const [first, second] = [players.nth(0), players.nth(1)];
  await expect.poll(async () => (await mediaState(second)).readyState).toBeGreaterThanOrEqual(1);

  await second.focus();
  await page.keyboard.press(' ');
  await expect.poll(async () => (await mediaState(second)).paused).toBe(false);
  expect((await mediaState(first)).paused).toBe(true);
  await page.keyboard.press(' ');
  await expect.poll(async () => (await mediaState(second)).paused).toBe(true);
  const at = (await mediaState(second)).currentTime;
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(async () => (await mediaState(second)).currentTime)
    .toBeCloseTo(Math.min((await mediaState(second)).duration, at + 5), 1);
  expect((await mediaState(first)).currentTime).toBe(0);

  // Focus on the first player: the keys follow it.
  await first.focus();
  await page.keyboard.press(' ');
  await expect.poll(async () => (await mediaState(first)).paused).toBe(false);
  await page.keyboard.press(' ');
  await expect.poll(async () => (await mediaState(first)).paused).toBe(true);
  expect((await mediaState(second)).paused).toBe(true);
  await screenshot(page, 'two-audio-players');
});

// Two browser tabs of one `flagdeck serve` each undo their own edits: Ctrl+Z in one tab takes back
// that tab's last step, never the one another tab made since (one undo history per tab).
import { expect, fixture, test } from './support';
import { api, openApp, press, rowOf, screenshot } from './ui-helpers';

test.use({ serveFolders: [fixture('gradio', '4.44.1', 'flagging_options', 'flagged')], serveCopies: true });

test('each tab undoes and redoes only its own edits', async ({ page: first, server }) => {
  const second = await first.context().newPage();
  await openApp(first, server);
  await openApp(second, server);
  const status = (page: typeof first, id: string) => rowOf(page, id).locator('.td-status');

  await rowOf(first, 'log.csv#1').click();
  await press(first, 'a');
  await expect(status(first, 'log.csv#1')).toHaveText('keep');
  // The second tab sees the first tab's edit live, then makes its own, later one.
  await expect(status(second, 'log.csv#1')).toHaveText('keep');
  await rowOf(second, 'log.csv#2').click();
  await press(second, 'a');
  await expect(status(second, 'log.csv#2')).toHaveText('keep');
  await expect(status(first, 'log.csv#2')).toHaveText('keep');

  // Undo in the first tab takes back its own edit, not the second tab's later one.
  await press(first, 'Escape');
  await press(first, 'Control+z');
  await expect(status(first, 'log.csv#1')).toHaveText('unreviewed');
  await expect(status(first, 'log.csv#2')).toHaveText('keep');
  await expect(status(second, 'log.csv#1')).toHaveText('unreviewed');
  await screenshot(first, 'tab-undo-first');

  // The second tab's history still holds its own step; the first tab's is now empty.
  await press(second, 'Escape');
  await press(second, 'Control+z');
  await expect(status(second, 'log.csv#2')).toHaveText('unreviewed');
  await press(first, 'Control+z');
  await expect(first.getByTestId('status-line')).toContainText('Nothing to undo');

  // Redo follows the same tab: the first tab redoes its keep.
  await press(first, 'Control+Shift+Z');
  await expect(status(first, 'log.csv#1')).toHaveText('keep');
  await expect(status(second, 'log.csv#2')).toHaveText('unreviewed');
  await screenshot(second, 'tab-undo-second');

  const { rows } = await api(server, 'samples.query', { offset: 0, limit: 10 });
  const byId = new Map(rows.map((row) => [row.id, row.review.status]));
  expect(byId.get('log.csv#1')).toBe('keep');
  expect(byId.get('log.csv#2')).toBe('unreviewed');
  await second.close();
});

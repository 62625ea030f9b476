// A folder that cannot be watched: `flagdeck serve` runs with every directory watch failing as on a
// machine past Linux's limit of inotify watches (ENOSPC, loaded into it with --import). The folder's
// chip says so, with the setting to raise, and a log written later still joins without a reload.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, fixture, repoRoot, test } from './support';
import { openApp, screenshot } from './ui-helpers';

const fault = pathToFileURL(join(repoRoot, 'tests/e2e/support/watch-limit-reached.mjs')).href;

test.use({
  serveFolders: [fixture('gradio', '5.50.0', 'blocks_callback', 'flagged_data_points')],
  serveCopies: true,
  serveEnv: { NODE_OPTIONS: `--import=${fault}` },
});

test('a folder past the limit of watches says so, and its new logs still join', async ({ page, server }) => {
  await openApp(page, server);
  const chip = page.locator('.chip').first();
  await expect(chip).toContainText('1 log · 3 rows');
  const issues = chip.getByTestId('folder-issues');
  await expect(issues).toHaveText('1 issue');
  await expect(issues).toHaveAttribute(
    'title',
    /^not watched for changes: the system's limit of file watches is reached \(ENOSPC; on Linux raise fs\.inotify\.max_user_watches/,
  );
  // From the keyboard: the badge is a button that lists the issues in full.
  await issues.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Issues of flagged_data_points' });
  await expect(dialog.getByRole('listitem')).toHaveText([
    /^not watched for changes: the system's limit of file watches is reached \(ENOSPC; .*New logs are looked for every 5 s instead/,
  ]);
  await screenshot(page, 'watch-limit-issue');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  const [folder] = server.folders;
  writeFileSync(join(folder, 'dataset2.csv'), readFileSync(join(folder, 'dataset1.csv')));
  await expect(chip).toContainText('2 logs · 6 rows', { timeout: 15_000 });
  await expect(page.locator('.tr[data-sample="dataset2.csv#1"]')).toBeVisible();
  await expect(issues).toHaveText('1 issue');
});

// "+ Open" with folders already open: a refused path keeps the dialog open with what is wrong
// (does not exist, is a file, holds no flagging log, its log is already open), and leaves no trace.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, fixture, test } from './support';
import { api, openApp, screenshot } from './ui-helpers';

// The refusals under test are the workspace's own (missing, a file, no log), so the server may open
// anywhere; the roots rule has its own tests in tests/security/.
test.use({
  serveFolders: [fixture('gradio', '5.50.0', 'blocks_callback', 'flagged_data_points')],
  serveArgs: ['--allow-open-anywhere'],
});

async function openPath(page: Page, path: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Open folders' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: '+ Open' }).click();
  await dialog.getByLabel('Folder path').fill(path);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
}

test('a refused path is explained in the Open dialog, which stays open', async ({ page, server }) => {
  await openApp(page, server);
  const [served] = server.folders;
  const dialog = page.getByRole('dialog', { name: 'Open folders' });
  const alert = dialog.getByRole('alert');

  await openPath(page, '/nonexistent');
  await expect(alert).toHaveText('Could not open: /nonexistent does not exist');
  await screenshot(page, 'open-error-missing');

  const log = join(served, 'dataset1.csv');
  await openPath(page, log);
  await expect(alert).toHaveText(
    `Could not open: ${log} is a file, not a folder: open the folder that holds it (${served})`,
  );

  const empty = await mkdtemp(join(tmpdir(), 'flagdeck-e2e-empty-'));
  try {
    await openPath(page, empty);
    await expect(alert).toContainText(`${empty}: no flagging log in this folder`);
    await expect(alert).toContainText('.gradio/flagged/');
    await screenshot(page, 'open-error-no-log');
    expect(existsSync(join(empty, '.flagdeck'))).toBe(false);
    await expect(dialog.getByRole('button', { name: empty })).toHaveCount(0);
  } finally {
    await rm(empty, { recursive: true, force: true });
  }

  // The parent of the open folder holds nothing else: its log is already open.
  await openPath(page, dirname(served));
  await expect(alert).toHaveText(
    `Could not open: ${dirname(served)}: its flagging logs are already open, in ${served}`,
  );
  await openPath(page, `${served}/`);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Open folders' }).getByRole('listitem')).toHaveCount(1);
  const { total } = await api(server, 'samples.query', { filter: {}, offset: 0, limit: 1 });
  await expect(page.getByTestId('match-count')).toHaveText(`${total} samples`);
  expect(total).toBe(3);
});

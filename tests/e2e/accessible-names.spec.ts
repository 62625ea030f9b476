// Every control on every screen has an accessible name, as a screen reader reads it (Playwright's
// ARIA snapshot): the review screen with a sample open, the grid, the bulk bar, every dialog, and
// the open-folder screen.
import type { Page } from '@playwright/test';
import { bundledFolder, expect, test } from './support';
import { api, openApp, press, screenshot } from './ui-helpers';

test.use({ serveFolders: [bundledFolder] });

const CONTROLS = 'button|checkbox|textbox|searchbox|combobox|listbox|slider|spinbutton|radio|switch|link';
// A control line of the snapshot without a quoted name: `- button`, `- checkbox [checked]`, `- button:`.
const UNNAMED = new RegExp(`^\\s*- (${CONTROLS})(\\s*\\[[^\\]]*\\])*:?\\s*$`);

/** The snapshot lines of controls that have no name, on what is on screen now. */
async function unnamedControls(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot.split('\n').filter((line) => UNNAMED.test(line));
}

async function expectAllNamed(page: Page, screen: string): Promise<void> {
  expect(await unnamedControls(page), `unnamed controls on ${screen}`).toEqual([]);
}

test('every control of every screen has an accessible name', async ({ page, server }) => {
  await openApp(page, server);
  // The check itself finds a control without a name.
  await page.evaluate(() => {
    const doc = (
      globalThis as unknown as { document: { body: { insertAdjacentHTML(w: string, h: string): void } } }
    ).document;
    doc.body.insertAdjacentHTML('beforeend', '<button id="probe-unnamed" type="button"></button>');
  });
  expect(await unnamedControls(page)).toHaveLength(1);
  await page.evaluate(() => {
    (globalThis as unknown as { document: { getElementById(id: string): { remove(): void } } }).document
      .getElementById('probe-unnamed')
      .remove();
  });
  await expectAllNamed(page, 'the review screen');

  await page.locator('.tr[data-sample]').first().click();
  await page
    .getByTestId('sample-history')
    .getByText(/^History/)
    .click();
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', /.+/);
  await expectAllNamed(page, 'the review screen with a sample');

  await page
    .locator('.tr[data-sample]')
    .nth(1)
    .click({ modifiers: ['Control'] });
  await expect(page.getByTestId('bulk-bar')).toBeVisible();
  await expectAllNamed(page, 'the bulk bar');
  await press(page, 'Escape');

  const dialogs: [string, string][] = [
    ['Options', 'Settings'],
    ['Columns', 'Columns'],
    ['Export', 'Export'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
    ['+ Open', 'Open folders'],
  ];
  for (const [button, title] of dialogs) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectAllNamed(page, `the ${title} dialog`);
    if (button === 'Columns') await screenshot(page, 'accessible-columns');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }

  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  await expect(page.getByTestId('sample-grid')).toBeVisible();
  await expectAllNamed(page, 'the grid');

  // The open-folder screen, once every folder is closed.
  for (const folder of (await api(server, 'workspace.info', {})).folders) {
    await api(server, 'workspace.close', { folderId: folder.id });
  }
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Flagdeck' })).toBeVisible();
  await expectAllNamed(page, 'the open-folder screen');
  await screenshot(page, 'accessible-open-screen');
});

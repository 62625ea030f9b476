// The renderer's side of the desktop menus, in Chromium: a stand-in preload bridge (the page's
// `window.flagdeck`) answers calls through `flagdeck serve`'s API and lets the test send the
// `menuCommand` events the native menus send. Checks that each item does what it says, on screen.
import { expect, bundledFolder, test } from './support';
import type { Page } from '@playwright/test';
import { press, rowOf, screenshot } from './ui-helpers';

// A copy: the test relabels, and the sample folder itself must stay as shipped.
test.use({ serveFolders: [bundledFolder] });

/**
 * Puts a stand-in preload bridge on the page: calls go to serve's API, except the Hub token calls
 * when `keychain` is set (answered in the page, like a desktop host with a keychain). Returns a
 * way to send a `menuCommand` event as the native menu does.
 */
async function withStandInBridge(page: Page, token: string, keychain = false) {
  await page.addInitScript(
    ([token, keychain]) => {
      type Listener = (payload: unknown) => void;
      const listeners = new Map<string, Set<Listener>>();
      const page = globalThis as unknown as Record<string, unknown>;
      let stored: string | undefined;
      const keychainCall = (name: string, input: { token?: string }) => {
        if (name === 'hubToken.set') stored = input.token;
        if (name === 'hubToken.clear') stored = undefined;
        page.storedToken = stored;
        return { ok: true, value: { set: stored !== undefined } };
      };
      page.flagdeck = {
        invoke: async (name: string, input: { token?: string }) => {
          if (keychain && name.startsWith('hubToken.')) return keychainCall(name, input);
          const response = await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(input),
          });
          return response.json();
        },
        on: (event: string, listener: Listener) => {
          const set = listeners.get(event) ?? new Set<Listener>();
          listeners.set(event, set);
          set.add(listener);
          return () => set.delete(listener);
        },
        pathForFile: () => '',
      };
      page.sendMenuCommand = (command: string, path?: string) =>
        listeners.get('menuCommand')?.forEach((listener) => listener({ command, path }));
    },
    [token, keychain] as const,
  );
  page.on('pageerror', (error) => {
    throw new Error(`page error: ${error.message}`);
  });
  return (command: string, path?: string) =>
    page.evaluate(
      ([c, p]) =>
        (globalThis as unknown as { sendMenuCommand(c: string, p?: string): void }).sendMenuCommand(c, p),
      [command, path] as const,
    );
}

test('menu items reach the screen: undo, settings with the Hub token, export, push, a missing recent folder', async ({
  page,
  server,
}) => {
  const menu = await withStandInBridge(page, server.token);
  await page.goto(server.url);
  await expect(rowOf(page, 'dataset1.csv#1')).toBeVisible();

  // Edit → Undo undoes the last review edit.
  await rowOf(page, 'dataset1.csv#1').click();
  await press(page, 'a');
  await expect(rowOf(page, 'dataset1.csv#1').locator('.td-status')).toHaveText('keep');
  await expect(page.getByTestId('status-line')).toHaveText('Status keep: 1 sample saved');
  await menu('undo');
  await expect(rowOf(page, 'dataset1.csv#1').locator('.td-status')).toHaveText('unreviewed');
  await expect(page.getByTestId('status-line')).toHaveText('Undid: keep on 1 sample');

  // File → Settings… shows the settings, with the Hub token part (serve keeps no token).
  await menu('settings');
  await expect(page.getByTestId('settings')).toBeVisible();
  await expect(page.getByTestId('hub-token')).toContainText('Only the desktop app stores a token');
  await screenshot(page, 'menu-settings');
  await page.keyboard.press('Escape');

  // File → Export… opens the Export dialog.
  await menu('export');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();

  // File → Push to Hub… says plainly when this version cannot push yet.
  await menu('push');
  await expect(page.getByTestId('status-line')).toHaveText(
    'Push to Hub is not available in this version yet',
  );

  // File → Open Recent with a folder that has gone shows the open panel with the reason.
  await menu('openRecent', '/nonexistent/flagged');
  await expect(page.getByTestId('open-panel').getByRole('alert')).toContainText(
    'Could not open: /nonexistent/flagged does not exist',
  );
  await expect(page.getByTestId('status-line')).not.toContainText('Push to Hub');
  await screenshot(page, 'menu-open-recent-missing');
});

test('the Hub token settings say whether a token is stored, and never show it', async ({ page, server }) => {
  const menu = await withStandInBridge(page, server.token, true);
  await page.goto(server.url);
  await expect(rowOf(page, 'dataset1.csv#1')).toBeVisible();
  await menu('settings');
  const settings = page.getByTestId('hub-token');
  await expect(settings.getByTestId('hub-token-status')).toHaveText('No token stored.');
  await settings.getByLabel('Hub token').fill('hf_e2eSecretToken');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByTestId('hub-token-status')).toHaveText(
    'A token is stored, encrypted with the system keychain.',
  );
  await expect(settings.getByLabel('Hub token')).toHaveValue('');
  expect(await page.evaluate(() => (globalThis as unknown as { storedToken?: string }).storedToken)).toBe(
    'hf_e2eSecretToken',
  );
  expect(await page.content()).not.toContain('hf_e2eSecretToken');
  await screenshot(page, 'hub-token-set');
  await settings.getByRole('button', { name: 'Remove' }).click();
  await expect(settings.getByTestId('hub-token-status')).toHaveText('No token stored.');
});

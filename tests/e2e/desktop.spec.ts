// The real desktop window (Playwright's `_electron`): it opens a folder given on the command line,
// a relabel goes through the preload and IPC, and the journal line lands on disk. Runs wherever an
// Electron binary is present (downloaded, or ELECTRON_OVERRIDE_DIST_PATH); skipped elsewhere.
import { _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronExecutable } from '../../scripts/electron-binary.mjs';
import { copyFolder, expect, removeCopy, repoRoot, bundledFolder, test } from './support';
import { press, rowOf, screenshot } from './ui-helpers';

const executable = electronExecutable();
const skipReason =
  'no Electron binary on this machine (npm start downloads it; or set ELECTRON_OVERRIDE_DIST_PATH)';

test.skip(!executable, skipReason);

test('opens a folder in the desktop window and journals a relabel', async () => {
  const folder = await copyFolder(bundledFolder);
  const userData = mkdtempSync(join(tmpdir(), 'flagdeck-electron-data-'));
  const app = await electron.launch({
    executablePath: executable,
    args: [repoRoot, folder],
    cwd: repoRoot,
    env: { ...process.env, FLAGDECK_USER_DATA: userData } as Record<string, string>,
  });
  try {
    const window = await app.firstWindow();
    window.on('pageerror', (error) => {
      throw new Error(`page error: ${error.message}`);
    });
    await expect(window.getByTestId('sample-table')).toBeVisible();
    await expect(rowOf(window, 'dataset1.csv#1')).toBeVisible();

    // The page sees the preload's bridge and nothing more.
    const exposed = await window.evaluate(() => {
      const page = globalThis as unknown as { flagdeck?: object; require?: unknown; process?: unknown };
      return {
        bridge: Object.keys(page.flagdeck ?? {}).sort(),
        node: typeof page.require + typeof page.process,
      };
    });
    expect(exposed).toEqual({ bridge: ['invoke', 'on', 'pathForFile'], node: 'undefinedundefined' });

    // A flag option for the folder, then relabel the first sample with key 1.
    await rowOf(window, 'dataset1.csv#3').click();
    await press(window, 's');
    const options = window.getByTestId('options-panel');
    await options.getByLabel('New flag option').fill('wrong label');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect(options.locator('li .option-value')).toHaveText(['wrong label']);
    await window.keyboard.press('Escape');
    await rowOf(window, 'dataset1.csv#1').click();
    await press(window, '1');
    await expect(rowOf(window, 'dataset1.csv#1').locator('.td-reason')).toHaveText('wrong label');

    const journal = join(folder, '.flagdeck', 'journal.jsonl');
    await expect.poll(() => existsSync(journal) && readFileSync(journal, 'utf8')).toContain('wrong label');
    const lines = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.some((line) => JSON.stringify(line).includes('dataset1.csv#1'))).toBe(true);
    await screenshot(window, 'desktop');
  } finally {
    await app.close();
    await removeCopy(folder);
    rmSync(userData, { recursive: true, force: true });
  }
});

// Helpers shared by the UI end-to-end specs: open the app, call the API directly (to know what the
// screen should show), read media facts from the files themselves, save screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, repoRoot, type Server } from './support';
import type { CallName, CallOutput, CallInput } from '../../src/shared/api';

/** Opens the served app and waits for the first rows; fails the test on any page error. */
export async function openApp(page: Page, server: Server): Promise<void> {
  page.on('pageerror', (error) => {
    throw new Error(`page error: ${error.message}`);
  });
  await page.goto(server.url);
  await expect(page.getByTestId('sample-table')).toBeVisible();
  await expect(page.locator('.tr[data-sample]').first()).toBeVisible();
}

/** The API as the renderer sees it, for expectations (never for driving the UI). */
export async function api<N extends CallName>(
  server: Server,
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const response = await fetch(`${server.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${name} failed: ${body.error?.message}`);
  return body.value as CallOutput<N>;
}

/** Duration in seconds of a PCM WAV file, from its header (byte rate and data chunk size). */
export function wavDuration(file: string): number {
  const bytes = readFileSync(file);
  const byteRate = bytes.readUInt32LE(28);
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'data') return size / byteRate;
    at += 8 + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

const screensDir = resolve(repoRoot, 'test-results/screens');

/** Saves a screenshot under test-results/screens/ (looked at by a person, one per main screen). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screensDir, { recursive: true });
  const path = resolve(screensDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Keeps every sample originally flagged `flag` (one bulk edit over the filter), clears the filter
 * (checking that all `total` samples show again, when given) and opens the Export dialog
 * (Shift+E), checking on the way that `kept` samples were kept and are selected.
 */
export async function keepFlaggedAndOpenExport(
  page: Page,
  { flag, kept, total }: { flag: string; kept: number; total?: number },
): Promise<Locator> {
  await page.getByLabel('Filter by original flag').selectOption(flag);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(kept));
  await press(page, 'Control+a');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'keep' }).click();
  await expect(page.locator('[data-facet="status:keep"] strong')).toHaveText(String(kept));
  await page.getByLabel('Filter by original flag').selectOption('');
  if (total !== undefined) {
    await expect(page.getByTestId('match-count')).toHaveText(matchCount(total));
  }
  await press(page, 'Shift+E');
  const count = kept.toLocaleString('en');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  // The counts come from the index; the files are counted after (the line says so meanwhile).
  await expect(dialog.getByTestId('export-summary')).toContainText(`${count} samples selected`, {
    timeout: 30_000,
  });
  return dialog;
}

/** The table row showing a sample. */
export const rowOf = (page: Page, id: string) => page.locator(`.tr[data-sample="${id}"]`);

/** The table row showing a sample of one folder: sample ids repeat across folders. */
export const rowIn = (page: Page, folderId: string, id: string) =>
  page.locator(`.tr[data-folder="${folderId}"][data-sample="${id}"]`);

/**
 * Waits until `row` is the current sample: its own table row (folder and id) is marked current
 * and the detail pane shows it. The pane's id alone can pass too early: the row before may have
 * had the same id in another folder.
 */
export async function expectCurrent(page: Page, row: { folderId: string; id: string }): Promise<void> {
  await expect(rowIn(page, row.folderId, row.id)).toHaveClass(/current/);
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-sample', row.id);
}

/**
 * The match count's whole text for `n` samples ("1 sample", "12 samples of 40"): a plain
 * `toContainText('1 sample')` would also pass on "11 samples", before the count changed.
 */
export function matchCount(n: number): RegExp {
  return new RegExp(`^${n.toLocaleString('en-US')} samples?( of [\\d,]+)?$`);
}

/** Presses a key as a shortcut: first takes focus out of any field or button. */
export async function press(page: Page, key: string): Promise<void> {
  await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } })
      .document;
    doc.activeElement?.blur?.();
  });
  await page.keyboard.press(key);
}

// The e2e project has no DOM types: the few element fields read in the page, typed here.
interface ImageLike {
  complete: boolean;
  naturalWidth: number;
}
interface MediaLike {
  readyState: number;
  duration: number;
  currentTime: number;
  paused: boolean;
}

/** The decoded width of an <img> (0 until it has loaded, or if it failed). */
export const naturalWidth = (image: Locator): Promise<number> =>
  image.evaluate((el) => {
    const img = el as unknown as ImageLike;
    return img.complete ? img.naturalWidth : 0;
  });

/** The state of an <audio>/<video> element. */
export const mediaState = (media: Locator): Promise<MediaLike> =>
  media.evaluate((el) => {
    const m = el as unknown as MediaLike;
    return { readyState: m.readyState, duration: m.duration, currentTime: m.currentTime, paused: m.paused };
  });

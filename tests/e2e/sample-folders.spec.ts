// A folder of Gradio's HuggingFaceDatasetSaver with `separate_dirs=True` (its 4.44.1 fixture's
// layout: a `<uuid>/metadata.jsonl` of one row per flagged sample), followed while it grows: the
// Log filter lists no hundreds of one-row logs (the table's Log column names each row's), a log
// filter the address bar holds stays until cleared, and a sample flagged meanwhile joins.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, writtenFolderServed, type Server } from './support';
import { api, matchCount, openApp, screenshot } from './ui-helpers';

const SAMPLES = 250;
const uuid = (i: number): string =>
  `${String(i).padStart(8, '0')}-1111-4222-8333-${String(i).padStart(12, '0')}`;

async function writeSample(root: string, i: number): Promise<void> {
  await mkdir(join(root, uuid(i)), { recursive: true });
  const row = { text: `sample ${i}`, flag: i % 2 ? 'good' : 'bad', username: '' };
  await writeFile(join(root, uuid(i), 'metadata.jsonl'), `${JSON.stringify(row)}\n`);
}

async function sampleFolders(): Promise<string> {
  const root = join(await mkdtemp(join(tmpdir(), 'flagdeck-samples-')), 'demo-flags');
  for (let i = 0; i < SAMPLES; i++) await writeSample(root, i);
  return root;
}

const test = base.extend<object, { samples: Server }>({ samples: writtenFolderServed(sampleFolders) });

const chip = (page: import('@playwright/test').Page) => page.locator('.folder-chips .chip').first();

test('no list of 250 one-row logs to filter by; the Log column names each row’s; a new flag joins', async ({
  page,
  samples,
}) => {
  await openApp(page, samples);
  await expect(chip(page)).toContainText(`${SAMPLES} logs · ${SAMPLES} rows`);
  await expect(page.getByLabel('Filter by log')).toHaveCount(0);
  const firstLog = page.locator('.tr[data-sample] .td-log').first();
  await expect(firstLog).toContainText('metadata.jsonl');
  // Too narrow for `<uuid>/metadata.jsonl`: the whole path on hover.
  await expect(firstLog.locator('span')).toHaveAttribute(
    'title',
    /^\d{8}-1111-4222-8333-\d{12}\/metadata\.jsonl$/,
  );

  await writeSample(samples.folders[0], SAMPLES);
  await expect(chip(page)).toContainText(`${SAMPLES + 1} logs · ${SAMPLES + 1} rows`, { timeout: 15_000 });
  await page.getByLabel('Search text').fill(`sample ${SAMPLES}`);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(1));
  await expect(page.locator('.tr[data-sample]')).toHaveCount(1);
  await screenshot(page, 'sample-folders');
});

test('a log filter from the address bar stays, to be cleared', async ({ page, samples }) => {
  const [folder] = (await api(samples, 'workspace.info', {})).folders;
  const key = `${folder.id}/${uuid(7)}/metadata.jsonl`;
  const url = new URL(samples.url);
  url.searchParams.set('filter', JSON.stringify({ logs: [key] }));
  await page.goto(url.toString());
  const logFilter = page.getByLabel('Filter by log');
  await expect(logFilter).toHaveValue(key);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(1));
  await expect(logFilter.locator('option')).toHaveText(['all', `${uuid(7)}/metadata.jsonl`]);

  await logFilter.selectOption('');
  await expect(page.getByTestId('match-count')).not.toContainText(' of ');
  await expect(logFilter).toHaveCount(0);
});

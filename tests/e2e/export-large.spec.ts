// The export dialog on 100,000 rows: the counts come from the index at once and the export can
// start, while the files are still being counted from every row ("counting files…"), whose answer
// follows.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, writtenFolderServed, type Server } from './support';
import { matchCount, openApp, press, screenshot } from './ui-helpers';

const ROWS = 100_000;

/** A CSVLogger log whose image column names a file per row, none of them there. */
async function bigLog(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'flagdeck-export-large-')), 'flagged');
  const lines = ['prompt,image,flag,username,timestamp'];
  for (let i = 1; i <= ROWS; i++) {
    const second = String(i % 60).padStart(2, '0');
    lines.push(`prompt ${i},image/${i}/photo.png,${i % 3 ? 'wrong' : ''},,2026-11-25 10:00:${second}.000000`);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'log.csv'), `${lines.join('\r\n')}\r\n`);
  return dir;
}

const test = base.extend<object, { big: Server }>({ big: writtenFolderServed(bigLog) });

test('offers the export of 100,000 rows at once, and counts their files after', async ({ page, big }) => {
  test.setTimeout(180_000);
  await openApp(page, big);
  await expect(page.getByTestId('match-count')).toHaveText(matchCount(ROWS), { timeout: 30_000 });
  await press(page, 'Shift+E');
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel('Samples', { exact: true }).selectOption('any');
  const summary = dialog.getByTestId('export-summary');
  // Reading every row for its files takes seconds: the counts and the button do not wait for it.
  await expect(summary).toContainText('100,000 samples selected', { timeout: 5_000 });
  await expect(summary).toContainText('counting files…');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
  await screenshot(page, 'export-counting-files');
  await expect(summary).toContainText('0 files, 0 B · 100,000 files missing (their samples are skipped)', {
    timeout: 120_000,
  });
});

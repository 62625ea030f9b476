// Sorting a free-text column of a 5,000-row log in the table: the first page comes from the first
// 1,000 rows alone (a bounded heap over one pass), and scrolling past them orders every row, so the
// rows further down and the last one are in order too.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, writtenFolderServed, type Server } from './support';
import { openApp, screenshot } from './ui-helpers';

const ROWS = 5_000;
/** Row i's answer: every number below ROWS once, in a shuffled order (7919 is prime to ROWS). */
const answerOf = (i: number): string => `answer ${String((i * 7919) % ROWS).padStart(5, '0')}`;

async function shuffledLog(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'flagdeck-sort-')), 'flagged');
  const lines = ['prompt,answer,flag,username,timestamp'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `"prompt ${i}, quoted",${answerOf(i)},,,2026-11-25 10:00:${String(i % 60).padStart(2, '0')}.000000`,
    );
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'log.csv'), `${lines.join('\r\n')}\r\n`);
  return dir;
}

const test = base.extend<object, { shuffled: Server }>({ shuffled: writtenFolderServed(shuffledLog) });

test('sorts a free-text column of 5,000 rows: first page, rows past the first 1,000, and the last', async ({
  page,
  shuffled,
}) => {
  await openApp(page, { ...shuffled, folders: shuffled.folders });
  await expect(page.getByTestId('match-count')).toHaveText('5,000 samples', { timeout: 30_000 });
  await page.getByTitle('Sort by answer').click();
  await expect(page.locator('.tr[aria-rowindex="1"]')).toContainText('answer 00000');
  await expect(page.locator('.tr[aria-rowindex="2"]')).toContainText('answer 00001');
  await screenshot(page, 'sorted-first-page');

  const table = page.locator('[data-testid="sample-table"]');
  const scrollToRow = async (row: number): Promise<void> => {
    await table.evaluate((el, fraction) => (el.scrollTop = el.scrollHeight * fraction), (row - 1) / ROWS);
  };
  await scrollToRow(2500);
  const middle = page.locator('.tr[aria-rowindex="2500"]');
  await expect(middle).toContainText('answer 02499');
  await expect(page.locator('.tr[aria-rowindex="2501"]')).toContainText('answer 02500');

  await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator(`.tr[aria-rowindex="${ROWS}"]`)).toContainText('answer 04999');
});

// Scrolling a 100,000-row log: the page pages its data (100 rows a request, never the whole set),
// keeps a bounded DOM, stays responsive, and reaches the last row. Frame timings are measured
// against an idle baseline in the same run and printed (they are figures, not pass marks, apart
// from "never froze").
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, writtenFolderServed, type Server } from './support';
import { openApp, screenshot } from './ui-helpers';

const ROWS = 100_000;
const reasons = ['wrong', 'offensive', 'other', ''];

async function bigLog(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'flagdeck-scroll-')), 'flagged');
  const lines = ['prompt,output,flag,username,timestamp'];
  for (let i = 1; i <= ROWS; i++) {
    const second = String(i % 60).padStart(2, '0');
    lines.push(
      `prompt ${i},"output for row ${i}, with a comma",${reasons[i % 4]},,2026-11-25 10:00:${second}.000000`,
    );
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'log.csv'), `${lines.join('\r\n')}\r\n`);
  return dir;
}

const test = base.extend<object, { big: Server }>({ big: writtenFolderServed(bigLog) });

// The e2e project has no DOM types: the browser globals the in-page measurement uses.
interface BrowserLike {
  document: { querySelector(selector: string): { scrollTop: number } | null };
  performance: { now(): number };
  requestAnimationFrame(callback: (now: number) => void): number;
}

interface FrameStats {
  frames: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

test('scrolls 100,000 rows page by page and stays responsive', async ({ page, big }) => {
  const queries: { offset: number; limit: number }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/samples.query'))
      queries.push(request.postDataJSON() as { offset: number; limit: number });
  });
  await openApp(page, { ...big, folders: big.folders });
  await expect(page.getByTestId('match-count')).toHaveText(`${ROWS.toLocaleString('en-US')} samples`, {
    timeout: 30_000,
  });

  const measure = (scrollPerFrame: number, ms: number): Promise<FrameStats> =>
    page.evaluate(
      ([step, duration]) =>
        new Promise<FrameStats>((resolve) => {
          const w = globalThis as unknown as BrowserLike;
          const scroller = w.document.querySelector('[data-testid="sample-table"]');
          if (!scroller) throw new Error('no table to scroll');
          const deltas: number[] = [];
          let last = w.performance.now();
          const start = last;
          const tick = (now: number): void => {
            deltas.push(now - last);
            last = now;
            scroller.scrollTop += step;
            if (now - start < duration) w.requestAnimationFrame(tick);
            else {
              const sorted = [...deltas].sort((a, b) => a - b);
              const at = (q: number): number =>
                sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
              resolve({
                frames: deltas.length,
                mean: deltas.reduce((a, b) => a + b, 0) / deltas.length,
                p50: at(0.5),
                p95: at(0.95),
                max: sorted[sorted.length - 1],
              });
            }
          };
          w.requestAnimationFrame(tick);
        }),
      [scrollPerFrame, ms] as const,
    );

  const idle = await measure(0, 1500);
  const before = queries.length;
  const steady = await measure(220, 3000); // ~5 rows a frame: a fast wheel scroll
  const flingQueries = queries.length;
  const fling = await measure(40_000, 2000); // ~900 rows a frame: dragging the scrollbar
  const rowsInDom = await page.locator('.tr').count();

  await page.locator('[data-testid="sample-table"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const lastRow = page.locator(`.tr[aria-rowindex="${ROWS}"]`);
  await expect(lastRow).toContainText(`prompt ${ROWS}`);
  await screenshot(page, 'scroll-100k');

  const fetched = queries.reduce((n, q) => n + q.limit, 0);
  const fmt = (s: FrameStats): string =>
    `${s.frames} frames, mean ${s.mean.toFixed(1)} ms, p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)}, max ${s.max.toFixed(1)}`;
  console.log(
    [
      `scroll-100k: idle baseline: ${fmt(idle)}`,
      `scroll-100k: steady scroll (220 px/frame): ${fmt(steady)}; p95 ratio to idle ${(steady.p95 / idle.p95).toFixed(2)}; ${flingQueries - before} queries`,
      `scroll-100k: fling (40,000 px/frame): ${fmt(fling)}; p95 ratio to idle ${(fling.p95 / idle.p95).toFixed(2)}; ${queries.length - flingQueries} queries`,
      `scroll-100k: ${queries.length} samples.query calls in all, ${fetched} rows fetched (${((100 * fetched) / ROWS).toFixed(1)}% of ${ROWS}), limits ${[...new Set(queries.map((q) => q.limit))].join('/')} rows per page; ${rowsInDom} rows in the DOM`,
    ].join('\n'),
  );

  expect(new Set(queries.map((q) => q.limit))).toEqual(new Set([100]));
  expect(fetched).toBeLessThan(ROWS / 4);
  expect(rowsInDom).toBeLessThan(120);
  expect(steady.max).toBeLessThan(1000);
});

#!/usr/bin/env node
// The table's `replay` column and filter over a large folder: 100,000 rows and a run with a result
// for 80% of them. A page of 100 rows with the replay column (each folder's latest run looked up
// and its results read once, then only what was appended) against the same page of a workspace
// without replay, in the same run; the first `changed` filter (reads the run), the next pages of it
// (kept selection), and a page after 100 more results were appended (a run in progress). The first
// read of the run includes reading back the 80,000 result rows' bytes to check their hashes.
// Target (issue 14): paging stays fast: ratio with/without replay near 1 for next pages.
// Usage: node bench/replay-table.mjs [rows]
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildSources, dataDir, importBuilt } from './support.mjs';

const rows = Number(process.argv[2] ?? 100_000);
const folder = join(dataDir, `replay-table-${rows}`);
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const lines = ['prompt,answer,flag,username,timestamp'];
for (let i = 0; i < rows; i++) lines.push(`sample ${i},ANSWER ${i},,,2026-12-02 12:00:00`);
writeFileSync(join(folder, 'log.csv'), `${lines.join('\n')}\n`);
const run = '20261202T120000Z-000001';
const runDir = join(folder, '.flagdeck/replays', run);
mkdirSync(join(runDir, 'files'), { recursive: true });
writeFileSync(join(runDir, 'run.json'), '{}\n');
const outcomes = ['same', 'changed', 'error', 'skipped'];
// Each result names the hash of the row it was made from (as replay stores it): the replay column
// checks it against the row's current bytes, so every result row is read back once.
const rowHash = (i) =>
  createHash('sha256')
    .update(lines[i + 1])
    .digest('hex')
    .slice(0, 16);
const result = (i, outcome) =>
  `${JSON.stringify({ id: `log.csv#${i + 1}`, rowHash: rowHash(i), outcome, outputs: [], durationMs: 3, at: '2026-12-02T12:00:00Z' })}\n`;
let text = '';
for (let i = 0; i < rows; i++) if (i % 5 !== 4) text += result(i, outcomes[i % 4]);
writeFileSync(join(runDir, 'results.jsonl'), text);

await buildSources(['main/workspace/workspace', 'main/replay/run-marks']);
const { createWorkspace } = await importBuilt('main/workspace/workspace');
const { RunMarks } = await importBuilt('main/replay/run-marks');
const plain = createWorkspace({ emit: () => {}, follow: false });
const marked = createWorkspace({
  emit: () => {},
  follow: false,
  replayMarks: new RunMarks(join(dataDir, 'replay-table-data')),
});
for (const ws of [plain, marked]) {
  await ws.open([folder]);
  await ws.whenIndexed();
}

async function ms(run, times = 7) {
  const all = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run(i);
    all.push(performance.now() - t0);
  }
  return all.sort((a, b) => a - b)[Math.floor(times / 2)];
}
const page = (ws, filter, offset = 0) => ws.query({ filter, offset, limit: 100 });

const plainFirst = performance.now();
await page(plain, {});
const plainFirstMs = performance.now() - plainFirst;
const first = performance.now();
const firstPage = await page(marked, {});
const firstMs = performance.now() - first;
if (firstPage.rows[1].replay?.outcome !== 'changed') throw new Error('the replay column is not filled');
const plainPage = await ms((i) => page(plain, {}, i * 1000));
const markedPage = await ms((i) => page(marked, {}, i * 1000));
const filterFirst = performance.now();
const changed = await page(marked, { replay: { outcomes: ['changed'] } });
const filterFirstMs = performance.now() - filterFirst;
const filterNext = await ms((i) => page(marked, { replay: { outcomes: ['changed'] } }, i * 1000));
const searchNext = await ms((i) => page(plain, { text: 'sample 1' }, i * 100));
appendFileSync(join(runDir, 'results.jsonl'), result(4, 'changed').repeat(100));
const grown = performance.now();
await page(marked, { replay: { outcomes: ['changed'] } });
const grownMs = performance.now() - grown;

const f = (n) => n.toFixed(1);
console.log(
  `rows ${rows}, results ${Math.round(rows * 0.8)}, changed ${changed.total}; load ${loadavg()[0].toFixed(2)}`,
);
console.log(`first page, no replay:             ${f(plainFirstMs)} ms`);
console.log(
  `first page, replay column (reads the run): ${f(firstMs)} ms  ratio ${(firstMs / plainFirstMs).toFixed(2)}`,
);
console.log(`page of 100, no replay:            ${f(plainPage)} ms`);
console.log(
  `page of 100, with replay column:   ${f(markedPage)} ms  ratio ${(markedPage / plainPage).toFixed(2)}`,
);
console.log(`filter changed, first page:        ${f(filterFirstMs)} ms`);
console.log(
  `filter changed, next pages:        ${f(filterNext)} ms  (a kept text search: ${f(searchNext)} ms)`,
);
console.log(`filter changed after 100 appended: ${f(grownMs)} ms`);
await plain.dispose();
await marked.dispose();

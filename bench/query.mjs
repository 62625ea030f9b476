#!/usr/bin/env node
// Queries over the 1,000,000-row log once indexed: filter + sort, a page of 100 rows, text search,
// a sort on a plain column, facets. Baseline in the same run: a native Float64Array sort of 1M
// numbers (what "sorting a million rows" costs at best here). Usage: node bench/query.mjs [rows]
import { mkdirSync, existsSync, linkSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { bigLog, buildSources, dataDir, importBuilt } from './support.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const log = await bigLog(rows);
const folder = join(dataDir, `folder-${rows}`);
mkdirSync(folder, { recursive: true });
if (!existsSync(join(folder, 'log.csv'))) linkSync(log, join(folder, 'log.csv'));
await buildSources([
  'main/workspace/workspace',
  'main/log-index/index-folder',
  'main/log-index/read-records',
]);
const { createWorkspace } = await importBuilt('main/workspace/workspace');
const { indexFolder } = await importBuilt('main/log-index/index-folder');
const { readRecords } = await importBuilt('main/log-index/read-records');

const ws = createWorkspace({ emit: () => {}, follow: false });
await ws.open([folder]);
await ws.whenIndexed();

async function time(run, times = 5) {
  const all = [];
  let result;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    result = await run();
    all.push(performance.now() - t0);
  }
  all.sort((a, b) => a - b);
  return { first: all.length === 1 ? all[0] : undefined, median: all[Math.floor(all.length / 2)], result };
}

const baseline = await time(async () => {
  const keys = new Float64Array(rows);
  for (let i = 0; i < rows; i++) keys[i] = Math.random();
  keys.sort();
});
const q =
  (filter, sort, offset = 0, limit = 1) =>
  () =>
    ws.query({ filter, sort, offset, limit });
// The workspace keeps recent selections for paging; a fresh query is timed by making each run's
// filter distinct (an upper time bound past every row: the same matches, slightly more work).
let run = 0;
const fresh =
  (filter, sort, offset = 0, limit = 1) =>
  () =>
    ws.query({
      filter: { ...filter, to: `2100-01-01 00:00:${String(run++ % 60).padStart(2, '0')}` },
      sort,
      offset,
      limit,
    });

const measures = [
  [
    'filter reason + sort timestamp desc',
    fresh({ reasons: ['wrong'] }, { by: 'timestamp', dir: 'desc' }),
    150,
  ],
  [
    'filter user + time range, sort reason',
    fresh({ usernames: ['user3'], from: '2024-01-02' }, { by: 'reason', dir: 'asc' }),
    150,
  ],
  ['no filter, sort timestamp asc', fresh({}, { by: 'timestamp', dir: 'asc' }), 150],
  ['first page of a new query (selection + 100 rows)', fresh({}, undefined, 500_000, 100), 150 + 20],
  [
    'next page of 100 rows from 500,000 (scrolling)',
    () => ws.query({ filter: {}, offset: 500_000 + 100 * run++, limit: 100 }),
    20,
  ],
  [
    'next page of 100 rows, filtered + sorted (scrolling)',
    () =>
      ws.query({
        filter: { reasons: ['wrong'] },
        sort: { by: 'timestamp', dir: 'desc' },
        offset: 1000 + 100 * run++,
        limit: 100,
      }),
    20,
  ],
];
console.log(
  `${rows.toLocaleString('en')} rows; load ${loadavg()[0].toFixed(1)}; baseline: native sort of 1M doubles ${baseline.median.toFixed(0)} ms`,
);
for (const [name, run, target] of measures) {
  const { median, result } = await time(run);
  console.log(
    `${name.padEnd(44)} ${median.toFixed(1).padStart(7)} ms  (${(median / baseline.median).toFixed(2)} x baseline)  target < ${target} ms  [${result.total} matches]`,
  );
}
const once = async (name, run) => {
  const cold = await time(run, 1);
  const warm = await time(run, 3);
  console.log(
    `${name.padEnd(44)} cold ${cold.median.toFixed(0)} ms, then ${warm.median.toFixed(1)} ms  (${(warm.median / baseline.median).toFixed(2)} x baseline)  [${warm.result.total ?? ''}]`,
  );
};
{
  // The index's own share of a page: 100 rows read back by offset and split into cells (the rest of
  // a page is the reader's decodeCell: JSON parsing and asset resolution).
  const [log] = await indexFolder(folder);
  const rowsAt = (at) => Array.from({ length: 100 }, (_, i) => at + i);
  const contiguous = await time(() => readRecords(log, rowsAt(500_000)));
  const scattered = await time(() =>
    readRecords(
      log,
      rowsAt(0).map((i) => i * 9973),
    ),
  );
  console.log(
    `${'  of which: 100 rows read + split (index)'.padEnd(44)} ${contiguous.median.toFixed(1).padStart(7)} ms contiguous, ${scattered.median.toFixed(1)} ms scattered  target < 20 ms`,
  );
}
await once('text search "Sample 4242" (scans the file once)', q({ text: 'Sample 4242' }));
await once('sort on a plain column (prompt)', q({}, { by: 'prompt', dir: 'asc' }));
await once('facets over everything', () => ws.facets({}));
console.log(`RSS now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
await ws.dispose();

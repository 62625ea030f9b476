#!/usr/bin/env node
// Queries over the 1,000,000-row log once indexed: filter + sort, a page of 100 rows, text search,
// a sort on a plain column, facets. Baseline in the same run: a native Float64Array sort of 1M
// numbers (what "sorting a million rows" costs at best here). Then the first search and the first
// sort on every column in this process, its peak RSS against the log's size, and `flagdeck query`
// in a fresh process against Python's csv.reader doing the same (issue 12's targets).
// Usage: node bench/query.mjs [rows] [--no-cli: skip the built `flagdeck query` runs]
//        [--node <another node binary>: the workspace process's peak RSS under that Node too]
import { spawnSync } from 'node:child_process';
import { mkdirSync, existsSync, linkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { bigLog, buildSources, childEnv, dataDir, importBuilt, root, timedCommand } from './support.mjs';

const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const withCli = !process.argv.includes('--no-cli') && existsSync(join(root, 'out/main/cli.js'));
const nodeAt = process.argv.indexOf('--node');
const otherNode = nodeAt > 0 ? process.argv[nodeAt + 1] : undefined;
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

await ws.dispose();

// Issue 12, in a process of its own that holds only what the UI's process holds (the workspace
// with the log open and indexed): the first search and the first sort on every column, then the
// same again, and the peak RSS after all of them.
const logMb = statSync(log).size / 1048576;
/** bench/query-columns.mjs run under `node`: its timings and peaks. */
function columnsUnder(node) {
  const child = spawnSync(node, [join(root, 'bench/query-columns.mjs'), folder], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`bench/query-columns.mjs failed under ${node}`);
  return JSON.parse(child.stdout);
}
const peakLine = (columns) =>
  `${columns.peakRss.toFixed(0)} MB = ${(columns.peakRss / logMb).toFixed(2)} x the log (${logMb.toFixed(0)} MB)   target <= 0.5  (${columns.peakRss / logMb <= 0.5 ? 'ok' : 'MISSED'}; after indexing alone ${(columns.indexedPeak / logMb).toFixed(2)} x)`;
const columns = columnsUnder(process.execPath);
console.log(
  `\nfirst / repeated query on each column (a fresh process: the workspace only)   target < 1000 ms / < 150 ms`,
);
console.log(
  `${'  open + index in that process'.padEnd(44)} ${columns.indexMs.toFixed(0)} ms, RSS then ${columns.indexedRss.toFixed(0)} MB`,
);
for (const { name, first, repeated, total } of columns.queries) {
  console.log(
    `${name.padEnd(44)} first ${first.toFixed(0).padStart(5)} ms, then ${repeated.toFixed(1).padStart(5)} ms  ${first < 1000 && repeated < 150 ? 'ok' : 'MISSED'}  [${total}]`,
  );
}
console.log(`peak RSS after every search and sort: ${peakLine(columns)}`);
// The desktop app's main process runs on Electron's Node (24 from Electron 40 on), whose workers cost more.
if (otherNode) {
  const version = spawnSync(otherNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`  the same process under Node ${version}: ${peakLine(columnsUnder(otherNode))}`);
}

/** A fresh process's wall time and output (no RSS: the peak is measured in process, above). */
const timed = (command, args) => timedCommand(command, args, childEnv, false);

const PYTHON_SEARCH = `import csv,sys
word=sys.argv[2]
n=0
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    r=csv.reader(f); next(r)
    for row in r:
        if any(word in cell for cell in row): n+=1
print(n)`;
const PYTHON_SORT = `import csv,sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    r=csv.reader(f); i=next(r).index(sys.argv[2])
    values=sorted(row[i] for row in r)
print(values[:10])`;

if (withCli) {
  // A fresh process each: opening, indexing and the query itself, as a script pays for them.
  console.log(`\nflagdeck query in a fresh process (built CLI) vs Python csv.reader   target <= 0.5 x`);
  const cli = (...args) =>
    timed(process.execPath, [join(root, 'bin/flagdeck.mjs'), 'query', folder, ...args, '--json']);
  const word = 'sample 4242';
  const search = cli('--search', word);
  const pySearch = timed('python3', ['-c', PYTHON_SEARCH, log, word]);
  console.log(
    `query --search "${word}":      ${(search.ms / 1000).toFixed(2)} s vs Python ${(pySearch.ms / 1000).toFixed(2)} s = ${(search.ms / pySearch.ms).toFixed(2)} x  [${JSON.parse(search.out).total} vs ${pySearch.out.trim()} rows]`,
  );
  for (const column of ['prompt', 'chat']) {
    const sort = cli('--sort', column, '--limit', '10');
    const pySort = timed('python3', ['-c', PYTHON_SORT, log, column]);
    console.log(
      `query --sort ${column.padEnd(7)} --limit 10: ${(sort.ms / 1000).toFixed(2)} s vs Python sorted() ${(pySort.ms / 1000).toFixed(2)} s = ${(sort.ms / pySort.ms).toFixed(2)} x`,
    );
  }
}

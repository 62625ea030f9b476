#!/usr/bin/env node
// Opening flagging logs, against the peers on the same file in the same run, interleaved:
// - fixed cost: `flagdeck inspect --json` on a 10-row folder, and the app's first page of it after
//   the open call (beside `node -e 0`, the floor of any Node process), 20 rounds, best and median;
// - first open of a large log (no persisted index): `flagdeck inspect --json --no-cache` end to end,
//   the index alone, the first page, peak RSS; beside Python csv.reader, polars (lazy row count and
//   read_csv), DuckDB reading every column, csv-parse and `wc -l`;
// - reopen (the persisted index written by the previous run): inspect, the first page, the whole index.
// Every measure runs in a fresh process; rounds alternate the tools; the best round is printed.
// polars and duckdb come from a venv this script makes under bench/.data/ (pinned versions).
// Usage: node bench/open.mjs [rows…] [--rounds N] [--no-peers] [--node <another node binary>]
//        [--cli-node <node binary>]   (default rows: 1000000 100000)
// --node: the fixed cost under that Node too; --cli-node: the large logs' `flagdeck` commands run
// under that Node (the in-process measures stay on this one).
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  HEADER,
  bigLog,
  buildSources,
  checkout,
  childEnv,
  dataDir,
  importBuilt,
  root,
  row,
  taskInChild,
  timedCommand as timed,
} from './support.mjs';

const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;

/** The Node that runs `flagdeck inspect` / `query` on the large logs (--cli-node). */
let cliNode = process.execPath;

const POLARS = 'polars==2.1.0';
const DUCKDB = 'duckdb==2.0.1';
const args = process.argv.slice(2);
const cacheDir = join(dataDir, 'open-cache');

function peakMb() {
  return process.resourceUsage().maxRSS / 1024;
}

// Measures that run inside a child process (`--task NAME folder`), printing one JSON line.
const tasks = {
  async firstPage(folder, cached) {
    const { createWorkspace } = await importBuilt('main/workspace/workspace');
    const t0 = performance.now();
    const ws = createWorkspace({
      emit: () => {},
      follow: false,
      ...(cached === 'cached' ? { indexCache: { dataDir: cacheDir } } : {}),
    });
    await ws.open([folder]);
    const page = await ws.query({ filter: {}, offset: 0, limit: 100 });
    const ms = performance.now() - t0;
    if (page.rows.length !== Math.min(100, page.total)) throw new Error('first page is short');
    return { ms, rss: peakMb(), rows: page.total };
  },
  /** The app's open of a small folder, as the app does it: followed (the watcher starts after it). */
  async followedFirstPage(folder) {
    const { createWorkspace } = await importBuilt('main/workspace/workspace');
    const t0 = performance.now();
    const ws = createWorkspace({ emit: () => {} });
    await ws.open([folder]);
    const page = await ws.query({ filter: {}, offset: 0, limit: 100 });
    const ms = performance.now() - t0;
    await ws.dispose();
    return { ms, rss: peakMb(), rows: page.total };
  },
  async wholeIndex(folder, cached) {
    const { createWorkspace } = await importBuilt('main/workspace/workspace');
    const t0 = performance.now();
    const ws = createWorkspace({
      emit: () => {},
      follow: false,
      bulkDelayMs: 0,
      ...(cached === 'cached' ? { indexCache: { dataDir: cacheDir } } : {}),
    });
    await ws.open([folder]);
    await ws.whenIndexed();
    const ms = performance.now() - t0;
    return { ms, rss: peakMb(), rows: ws.info().folders[0].logs[0].rows };
  },
  async indexOnly(folder) {
    const { indexFolder, lastSplitOf } = await importBuilt('main/log-index/index-folder');
    const t0 = performance.now();
    const logs = await indexFolder(folder);
    return { ms: performance.now() - t0, rss: peakMb(), rows: logs[0].count, split: lastSplitOf() };
  },
};

const inChild = (name, folder, cached = '') => taskInChild('open.mjs', [name, folder, cached]);

const PY_CSV = `import csv,sys
n=0
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for r in csv.reader(f): n+=1
print(n-1)`;
const PY_POLARS_COUNT = `import sys, polars as pl
print(pl.scan_csv(sys.argv[1]).select(pl.len()).collect().item())`;
const PY_POLARS_READ = `import sys, polars as pl
print(pl.read_csv(sys.argv[1]).height)`;
const PY_DUCKDB = `import sys, duckdb
duckdb.sql(f"create table t as select * from read_csv('{sys.argv[1]}')")
print(duckdb.sql("select count(*) from t").fetchall()[0][0])`;

/** A venv with polars and duckdb, made once; undefined (with the reason printed) when it cannot be. */
function peersPython() {
  const venv = join(dataDir, 'peers-venv');
  const python = join(venv, 'bin/python');
  const ready = join(venv, `.ready-${POLARS}-${DUCKDB}`);
  if (existsSync(ready)) return python;
  console.log(`making ${venv} with ${POLARS} ${DUCKDB} (once) …`);
  rmSync(venv, { recursive: true, force: true });
  const steps = [
    ['python3', ['-m', 'venv', venv]],
    [python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', POLARS, DUCKDB]],
  ];
  for (const [command, commandArgs] of steps) {
    const result = spawnSync(command, commandArgs, {
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    if (result.status !== 0) {
      console.log(`peers unavailable (${command} failed): ${result.stderr.trim().split('\n').at(-1)}`);
      return undefined;
    }
  }
  writeFileSync(ready, '');
  return python;
}

async function folderWith(rows) {
  const log = await bigLog(rows);
  // A folder per checkout: the index each one persists there is its own (the log is a hard link).
  const folder = join(dataDir, `open-${checkout}`, `folder-${rows}`);
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, 'log.csv'))) linkSync(log, join(folder, 'log.csv'));
  return { folder, log };
}

function smallFolder() {
  const folder = join(dataDir, `open-${checkout}`, 'folder-10');
  mkdirSync(folder, { recursive: true });
  let text = HEADER;
  for (let i = 1; i <= 10; i++) text += row(i, Date.UTC(2024, 0, 1) + i * 1000);
  writeFileSync(join(folder, 'log.csv'), text);
  return folder;
}

const cli = (folder, ...flags) => [join(root, 'bin/flagdeck.mjs'), 'inspect', folder, '--json', ...flags];

/** Runs each measure once per round, in turn; the best round of each, with its median's time. */
function rounds(count, measures) {
  const runs = Object.fromEntries(Object.keys(measures).map((name) => [name, []]));
  for (let r = 0; r < count; r++)
    for (const [name, measure] of Object.entries(measures)) runs[name].push(measure());
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a.ms - b.ms);
      return [name, { ...sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)].ms }];
    }),
  );
}

const s = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mbText = (rss) => (Number.isFinite(rss) ? `${rss.toFixed(0)} MB` : 'n/a');

/** Rounds of the fixed cost: a 10-row folder's commands take tens of ms, the machine's noise a few. */
const FIXED_COST_ROUNDS = 20;

function fixedCost(node = process.execPath) {
  const folder = smallFolder();
  const quick = (command, commandArgs, env = childEnv) => timed(command, commandArgs, env, false);
  const best = rounds(FIXED_COST_ROUNDS, {
    node: () => quick(node, ['-e', '0']),
    inspect: () => quick(node, cli(folder)),
    ...(extraCaCerts
      ? {
          nodeCa: () => quick(node, ['-e', '0'], process.env),
          inspectCa: () => quick(node, cli(folder), process.env),
        }
      : {}),
    ...(node === process.execPath ? { firstPage: () => inChild('followedFirstPage', folder) } : {}),
  });
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\n== fixed cost: a 10-row folder (Node ${version}, best of ${FIXED_COST_ROUNDS}) ==`);
  console.log(
    `flagdeck inspect --json: ${s(best.inspect.ms)} wall (node -e 0: ${s(best.node.ms)}, so ${s(best.inspect.ms - best.node.ms)} of our own)   target < 60 ms`,
  );
  console.log(`  medians: ${s(best.inspect.median)} (node -e 0: ${s(best.node.median)})`);
  if (best.inspectCa)
    console.log(
      `  with this environment's NODE_EXTRA_CA_CERTS (${extraCaCerts}): ${s(best.inspectCa.ms)} (node -e 0: ${s(best.nodeCa.ms)}); every other figure runs without it`,
    );
  if (best.firstPage)
    console.log(`app first page after the open call: ${best.firstPage.ms.toFixed(1)} ms   target < 100 ms`);
}

function largeLog(rows, log, folder, python, count) {
  const size = statSync(log).size;
  const mb = size / 1024 / 1024;
  const peers = python
    ? {
        polarsCount: () => timed(python, ['-c', PY_POLARS_COUNT, log]),
        polarsRead: () => timed(python, ['-c', PY_POLARS_READ, log]),
        duckdb: () => timed(python, ['-c', PY_DUCKDB, log]),
      }
    : {};
  // The reopen figures need the index the first open writes.
  timed(cliNode, cli(folder));
  const best = rounds(count, {
    inspectFirst: () => timed(cliNode, cli(folder, '--no-cache')),
    python: () => timed('python3', ['-c', PY_CSV, log]),
    ...peers,
    indexOnly: () => inChild('indexOnly', folder),
    firstPage: () => inChild('firstPage', folder),
    inspectReopen: () => timed(cliNode, cli(folder)),
    pageReopen: () => inChild('firstPage', folder, 'cached'),
    indexReopen: () => inChild('wholeIndex', folder, 'cached'),
    wc: () => timed('wc', ['-l', log]),
  });
  const x = (a, b) => (b ? `${(a.ms / b.ms).toFixed(2)} x` : 'n/a');
  console.log(`\n== ${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB (${log}) ==`);
  console.log('first open (no persisted index):');
  console.log(
    `  flagdeck inspect --json --no-cache  ${s(best.inspectFirst.ms)}  peak ${mbText(best.inspectFirst.rss)} = ${(best.inspectFirst.rss / mb).toFixed(2)} x file   target <= 0.5 x file`,
  );
  if (best.polarsCount)
    console.log(`    = ${x(best.inspectFirst, best.polarsCount)} polars lazy count   target <= 1 (1M rows)`);
  console.log(`    = ${x(best.inspectFirst, best.python)} Python csv.reader   target < 1 (100k rows)`);
  if (best.duckdb)
    console.log(
      `    = ${x(best.inspectFirst, best.duckdb)} DuckDB, ${x(best.inspectFirst, best.polarsRead)} polars read_csv`,
    );
  console.log(
    `  index alone (in process)            ${s(best.indexOnly.ms)}  peak ${mbText(best.indexOnly.rss)}  (${best.indexOnly.rows} rows, ${best.indexOnly.split})`,
  );
  console.log(`  app first page (open + 100 rows)    ${s(best.firstPage.ms)}`);
  console.log('reopen (persisted index):');
  console.log(
    `  flagdeck inspect --json             ${s(best.inspectReopen.ms)}  = ${x(best.inspectReopen, best.python)} Python csv.reader   peak ${mbText(best.inspectReopen.rss)}`,
  );
  console.log(`  app first page                      ${s(best.pageReopen.ms)}   target < 100 ms`);
  console.log(
    `  app whole index                     ${s(best.indexReopen.ms)}  = ${x(best.indexReopen, best.python)} Python csv.reader   target < 0.1 x`,
  );
  console.log('peers, same file, same rounds:');
  console.log(`  Python csv.reader                   ${s(best.python.ms)}  peak ${mbText(best.python.rss)}`);
  if (best.polarsCount) {
    console.log(
      `  polars lazy row count               ${s(best.polarsCount.ms)}  peak ${mbText(best.polarsCount.rss)}`,
    );
    console.log(
      `  polars read_csv                     ${s(best.polarsRead.ms)}  peak ${mbText(best.polarsRead.rss)}`,
    );
    console.log(
      `  DuckDB, every column                ${s(best.duckdb.ms)}  peak ${mbText(best.duckdb.rss)}`,
    );
  }
  console.log(`  wc -l                               ${s(best.wc.ms)}`);
}

const PY_POLARS_FILTER_SORT = `import polars as pl,sys
top=pl.scan_csv(sys.argv[1]).filter(pl.col('flag')=='wrong').sort('timestamp',descending=True).head(10).collect()
print(top.height)`;

/**
 * Issue 15's last target: `flagdeck query` with a filter and a sort, from a fresh process, beside
 * polars' lazy filter + sort + head on the same file. Measured twice: the first query of the folder
 * (its persisted index removed before each round) and a later one (the index the first wrote).
 */
function filterSort(folder, log, python, count) {
  const query = [
    join(root, 'bin/flagdeck.mjs'),
    'query',
    folder,
    '--reason',
    'wrong',
    '--sort',
    'timestamp:desc',
  ];
  const args = [...query, '--limit', '10', '--json'];
  const best = rounds(count, {
    first: () => {
      rmSync(join(folder, '.flagdeck', 'index'), { recursive: true, force: true });
      return timed(cliNode, args);
    },
    later: () => timed(cliNode, args),
    ...(python ? { polars: () => timed(python, ['-c', PY_POLARS_FILTER_SORT, log]) } : {}),
  });
  const total = JSON.parse(best.later.out).total;
  const vs = (run) => (best.polars ? `= ${(run.ms / best.polars.ms).toFixed(2)} x polars` : '');
  console.log(
    `filter + sort from a fresh process (--reason wrong --sort timestamp:desc --limit 10, ${total} matches):`,
  );
  console.log(
    `  flagdeck query, first of the folder  ${s(best.first.ms)}  ${vs(best.first)}   target <= 1 x polars`,
  );
  console.log(
    `  flagdeck query, index persisted     ${s(best.later.ms)}  ${vs(best.later)}   target <= 1 x polars`,
  );
  if (best.polars) console.log(`  polars lazy filter + sort + head    ${s(best.polars.ms)}`);
}

async function main() {
  if (args[0] === '--task') {
    const result = await tasks[args[1]](args[2], args[3]);
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('run `npm run build` first');
  const roundsAt = args.indexOf('--rounds');
  const count = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
  // Without --rounds, roundsAt + 1 is 0: the first size must not be taken for the count.
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && (roundsAt < 0 || i !== roundsAt + 1)).map(Number);
  await buildSources(['main/workspace/workspace', 'main/log-index/index-folder']);
  const python = args.includes('--no-peers') ? undefined : peersPython();
  console.log(`best of ${count} interleaved rounds, fresh processes; load ${loadavg()[0].toFixed(1)}`);
  fixedCost();
  // `--node <path>`: the fixed cost under another Node too (Node's own start differs by version).
  const otherNode = args.indexOf('--node');
  if (otherNode >= 0) fixedCost(args[otherNode + 1]);
  const cliNodeAt = args.indexOf('--cli-node');
  if (cliNodeAt >= 0) cliNode = args[cliNodeAt + 1];
  const version = spawnSync(cliNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\nthe large logs' flagdeck commands run under Node ${version}`);
  for (const rows of sizes.length > 0 ? sizes : [1_000_000, 100_000]) {
    const { folder, log } = await folderWith(rows);
    largeLog(rows, log, folder, python, count);
    filterSort(folder, log, python, count);
  }
}

await main();

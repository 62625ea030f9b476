#!/usr/bin/env node
// Opening a 1,000,000-row flagging log: time to the first page, time to the full index (the index
// `flagdeck inspect` uses, end to end), peak RSS, and for the same file in the same run a bare
// csv-parse pass, Python's csv.reader and `wc -l`, printed as ratios. Each measure runs in its own
// process so that its peak RSS is its own.
// Usage: node bench/open.mjs [rows] [--repeat N] [--no-cli: skip the built `flagdeck inspect --json`]
// (the CLI is timed when `npm run build` has made out/main/cli.js)
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, linkSync, existsSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { bigLog, buildSources, dataDir, importBuilt, root } from './support.mjs';

const args = process.argv.slice(2);
const task = args[0] === '--task' ? args[1] : null;

async function folderWith(rows) {
  const log = await bigLog(rows);
  const folder = join(dataDir, `folder-${rows}`);
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, 'log.csv'))) linkSync(log, join(folder, 'log.csv'));
  return { folder, log };
}

function peakMb() {
  return process.resourceUsage().maxRSS / 1024;
}

const tasks = {
  async firstPage(folder) {
    const { createWorkspace } = await importBuilt('main/workspace/workspace');
    const t0 = performance.now();
    const ws = createWorkspace({ emit: () => {}, follow: false });
    await ws.open([folder]);
    const page = await ws.query({ filter: {}, offset: 0, limit: 100 });
    const ms = performance.now() - t0;
    if (page.rows.length !== 100)
      throw new Error(`first page is short: ${page.rows.length} of ${page.total}`);
    return { ms, rss: peakMb() };
  },
  async fullIndex(folder) {
    const { indexFolder, lastSplitOf } = await importBuilt('main/log-index/index-folder');
    const t0 = performance.now();
    const logs = await indexFolder(folder);
    const ms = performance.now() - t0;
    return { ms, rss: peakMb(), rows: logs[0].count, split: lastSplitOf() };
  },
  async workspaceIndex(folder) {
    const { createWorkspace } = await importBuilt('main/workspace/workspace');
    const t0 = performance.now();
    const ws = createWorkspace({ emit: () => {}, follow: false });
    await ws.open([folder]);
    await ws.whenIndexed();
    const ms = performance.now() - t0;
    return { ms, rss: peakMb(), rows: ws.info().folders[0].logs[0].rows };
  },
  async inspectCli(folder) {
    // The built CLI, as `flagdeck inspect <folder> --json` runs it; its report goes nowhere.
    const t0 = performance.now();
    console.log = () => {};
    process.argv = [process.argv[0], 'flagdeck', 'inspect', folder, '--json'];
    await import(join(root, 'out/main/cli.js'));
    await new Promise((resolve) => {
      const wait = () => (process.exitCode === undefined ? setTimeout(wait, 5) : resolve());
      wait();
    });
    return { ms: performance.now() - t0, rss: peakMb() };
  },
  async csvParse(folder) {
    const { parse } = await import('csv-parse');
    const t0 = performance.now();
    let rows = 0;
    const parser = createReadStream(join(folder, 'log.csv')).pipe(
      parse({
        encoding: 'latin1',
        relax_quotes: true,
        relax_column_count: true,
        record_delimiter: ['\r\n', '\n'],
      }),
    );
    for await (const _record of parser) rows++;
    return { ms: performance.now() - t0, rss: peakMb(), rows: rows - 1 };
  },
};

function timed(command, commandArgs) {
  const t0 = performance.now();
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return { ms: performance.now() - t0, out: result.stdout };
}

function inChild(name, folder) {
  const { out } = timed(process.execPath, [join(root, 'bench/open.mjs'), '--task', name, folder]);
  return JSON.parse(out.trim().split('\n').at(-1));
}

const PYTHON = `import csv,sys
n=0
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for r in csv.reader(f): n+=1
print(n-1)`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  if (task) {
    const result = await tasks[task](args[2]);
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const repeatAt = args.indexOf('--repeat');
  const rows = Number(args.find((a, i) => /^\d+$/.test(a) && i !== repeatAt + 1) ?? 1_000_000);
  const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 1;
  const { folder, log } = await folderWith(rows);
  await buildSources(['main/workspace/workspace', 'main/log-index/index-folder']);
  const size = statSync(log).size;
  const withCli = !args.includes('--no-cli') && existsSync(join(root, 'out/main/cli.js'));
  const names = ['firstPage', 'fullIndex', 'workspaceIndex', ...(withCli ? ['inspectCli'] : []), 'csvParse'];
  const runs = Object.fromEntries([...names, 'python', 'wc'].map((name) => [name, []]));
  let last = {};
  for (let r = 0; r < repeat; r++) {
    for (const name of names) {
      last[name] = inChild(name, folder);
      runs[name].push(last[name].ms);
    }
    runs.python.push(timed('python3', ['-c', PYTHON, log]).ms);
    runs.wc.push(timed('wc', ['-l', log]).ms);
  }
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
  const mb = size / 1024 / 1024;
  const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `log: ${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB (${log}); median of ${repeat} run(s); load ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  );
  console.log(`time to first page (open + 100 rows):   ${m.firstPage.toFixed(0)} ms   target < 300 ms`);
  console.log(
    `full index (indexFolder, end to end):   ${fmt(m.fullIndex)}   (${last.fullIndex.rows} rows, ${last.fullIndex.split})`,
  );
  console.log(`  = ${(m.fullIndex / m.python).toFixed(2)} x Python csv.reader   target <= 0.5`);
  console.log(
    `  = ${(m.fullIndex / m.csvParse).toFixed(2)} x csv-parse,  ${(m.fullIndex / m.wc).toFixed(1)} x wc -l`,
  );
  console.log(
    `workspace open until fully indexed:     ${fmt(m.workspaceIndex)}   = ${(m.workspaceIndex / m.python).toFixed(2)} x Python`,
  );
  if (withCli) {
    console.log(
      `flagdeck inspect --json (built CLI):     ${fmt(m.inspectCli)}   = ${(m.inspectCli / m.python).toFixed(2)} x Python   target <= 0.5   (peak RSS ${last.inspectCli.rss.toFixed(0)} MB = ${(last.inspectCli.rss / mb).toFixed(2)} x file size)`,
    );
  }
  console.log(
    `baselines: Python csv.reader ${fmt(m.python)}, csv-parse ${fmt(m.csvParse)} (${last.csvParse.rows} rows), wc -l ${fmt(m.wc)}`,
  );
  const rss = last.fullIndex.rss;
  console.log(
    `peak RSS, full index: ${rss.toFixed(0)} MB = ${(rss / mb).toFixed(2)} x file size   target <= 0.5`,
  );
  console.log(
    `peak RSS, workspace:  ${last.workspaceIndex.rss.toFixed(0)} MB = ${(last.workspaceIndex.rss / mb).toFixed(2)} x file size`,
  );
}

await main();

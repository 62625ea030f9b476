#!/usr/bin/env node
// The page's work while the folder it shows is followed and flagged: `flagdeck serve` on a folder
// of the HF saver's sample folders (one one-row log each), the real renderer in Chromium, then
// flags one each 150 ms. Baseline: the same rows as one log, flagged the same way, in the same run.
// Printed per flag: the page's main-thread task time (Chromium's Performance.getMetrics), its
// script and layout shares, its long tasks (over 50 ms: a frame the reviewer sees stutter), and the
// server's CPU. Each folder in turn, the best of the rounds.
// Usage: node bench/ui-follow.mjs [samples] [--rounds N]   (default 20000 samples, 1 round)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { flagger, sampleFolders } from './hf-saver-folders.mjs';
import { root } from './support.mjs';

const FLAGS = 40;
const FLAG_EVERY_MS = 150;
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 1;
const samples = Number(args.find((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--rounds') ?? 20_000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `flagdeck serve <folder>` on a free port: its page URL and its pid. */
async function serve(folder) {
  const dataHome = mkdtempSync(join(tmpdir(), 'flagdeck-bench-data-'));
  const child = spawn(
    process.execPath,
    [
      ...(process.env.SERVE_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.SERVE_PROF] : []),
      join(root, 'bin/flagdeck.mjs'),
      'serve',
      folder,
      '--port',
      '0',
    ],
    {
      env: { ...process.env, XDG_DATA_HOME: dataHome },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise((resolve, reject) => {
    let said = '';
    child.stdout.on('data', (chunk) => {
      said += chunk;
      const found = /Flagdeck serving at (\S+)/.exec(said);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`flagdeck serve exited with ${code}`)));
  });
  const stop = async () => {
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataHome, { recursive: true, force: true });
  };
  return { url, pid: child.pid, stop };
}

/** A process's CPU time so far, in ms (Linux: /proc/<pid>/stat, in ticks of 10 ms). */
function processCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The rows the folder chip counts, once it counts `rows` of them (or the time runs out). */
async function chipShowsRows(page, rows, timeoutMs) {
  const text = `${rows.toLocaleString('en-US')} rows`;
  await page.locator('.folder-chips .muted', { hasText: text }).waitFor({ timeout: timeoutMs });
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value * 1000]));
}

async function measure(browser, folder) {
  const server = await serve(folder);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.addInitScript(() => {
      globalThis.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) globalThis.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.goto(server.url);
    await chipShowsRows(page, samples, 120_000);
    await sleep(2000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await metrics(cdp);
    const serverBefore = processCpuMs(server.pid);
    await page.evaluate(() => (globalThis.longTasks = []));
    const flag = flagger(folder);
    try {
      for (let i = 0; i < FLAGS; i++) {
        flag.add(i);
        await sleep(FLAG_EVERY_MS);
      }
      await chipShowsRows(page, samples + FLAGS, 20_000);
      await sleep(1000);
    } finally {
      flag.undo();
    }
    const after = await metrics(cdp);
    const longTasks = await page.evaluate(() => globalThis.longTasks);
    const per = (name) => (after[name] - before[name]) / FLAGS;
    return {
      task: per('TaskDuration'),
      script: per('ScriptDuration'),
      layout: per('LayoutDuration') + per('RecalcStyleDuration'),
      longTasks: longTasks.length,
      longest: Math.max(0, ...longTasks),
      server: (processCpuMs(server.pid) - serverBefore) / FLAGS,
    };
  } finally {
    await page.close();
    await server.stop();
  }
}

if (!existsSync(join(root, 'out/renderer/index.html'))) throw new Error('run `npm run build` first');
const { perSample, oneLog } = sampleFolders(samples);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const best = {};
try {
  for (let round = 0; round < rounds; round++)
    for (const [kind, folder] of [
      ['samples', perSample],
      ['oneLog', oneLog],
    ]) {
      const result = await measure(browser, folder);
      if (!best[kind] || result.task < best[kind].task) best[kind] = result;
    }
} finally {
  await browser.close();
}

const line = (m) =>
  `${m.task.toFixed(1)} ms of the page's main thread a flag (script ${m.script.toFixed(1)}, layout ${m.layout.toFixed(1)}), ${m.longTasks} long tasks (longest ${m.longest.toFixed(0)} ms), server ${m.server.toFixed(1)} ms of CPU a flag`;
console.log(
  `== the page while ${FLAGS} flags come (one each ${FLAG_EVERY_MS} ms) into a followed folder, best of ${rounds} ==`,
);
// The figure first: bench/compare-commits.sh compares the first number of each line.
console.log(`${samples.toLocaleString('en')} sample folders: ${line(best.samples)}`);
console.log(`the same rows as one log: ${line(best.oneLog)}`);
console.log(
  `sample folders / one log: ${(best.samples.task / best.oneLog.task).toFixed(2)} x the page's time, ${(best.samples.server / best.oneLog.server).toFixed(2)} x the server's`,
);

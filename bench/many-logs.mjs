#!/usr/bin/env node
// A folder of the HF saver's per-sample folders (`separate_dirs=True`: one `<uuid>/metadata.jsonl`
// with one row per flagged sample, its image in `<uuid>/im/<hash>/`): thousands of one-row logs.
// Beside it, the baseline: the same rows and images as one log (`data.csv`, the saver's CSV mode).
// Each measure runs in a fresh process, the two folders in turn, the best of the rounds printed:
// - the app's open until every row is indexed (not followed), and the `workspaceChanged` messages;
// - the same with a review journal holding every sample (the journal's ids are looked up per log);
// - followed and idle: CPU per second, inotify watches (Linux), peak RSS;
// - followed while flagging: CPU per flag (a new sample folder, or a row and its image in the log);
// - `flagdeck inspect --json`.
// Usage: node bench/many-logs.mjs [samples] [--rounds N]   (default 5000 samples, 2 rounds)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inotifyWatches } from '../tests/support/inotify.mjs';
import { flagger, sampleFolders } from './hf-saver-folders.mjs';
import { buildSources, cpuMs, importBuilt, root, taskInChild, timedCommand as timed } from './support.mjs';

const args = process.argv.slice(2);
const IDLE_MS = 6000;

/** Measures run in a child process (`--task NAME folder`), printing one JSON line. */
const tasks = {
  async indexed(folder, withJournal) {
    const { createWorkspace } = await importBuilt('main/workspace/workspace');
    const ids = withJournal === 'journal' ? journalIds(folder) : [];
    const store = { get: () => undefined, ids: () => ids, onChange: () => () => {} };
    let told = 0;
    const t0 = performance.now();
    const ws = createWorkspace({
      emit: (event) => void (event === 'workspaceChanged' && told++),
      follow: false,
      reviewStoreFor: async () => store,
    });
    await ws.open([folder]);
    await ws.whenIndexed();
    const ms = performance.now() - t0;
    const rows = ws.info().folders[0].logs.reduce((sum, log) => sum + log.rows, 0);
    await ws.dispose();
    return { ms, told, rows };
  },
  async idle(folder) {
    const { createWorkspace } = await importBuilt('main/workspace/workspace');
    const ws = createWorkspace({ emit: () => {} });
    await ws.open([folder]);
    await ws.whenIndexed();
    await ws.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const from = cpuMs();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const perSecond = (cpuMs() - from) / (IDLE_MS / 1000);
    const watches = inotifyWatches();
    await ws.dispose();
    return { perSecond, watches, rss: process.resourceUsage().maxRSS / 1024 };
  },
  /** Followed while the demo flags: the CPU per flag (a new sample folder, or a row and its image). */
  async flagging(folder) {
    const { createWorkspace } = await importBuilt('main/workspace/workspace');
    let seen = 0;
    const ws = createWorkspace({
      emit: (event, payload) => void (event === 'rowsAppended' && (seen += payload.ids.length)),
    });
    await ws.open([folder]);
    await ws.whenIndexed();
    await ws.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const flag = flagger(folder);
    const from = cpuMs();
    for (let i = 0; i < FLAGS; i++) {
      flag.add(i);
      await new Promise((resolve) => setTimeout(resolve, FLAG_EVERY_MS));
    }
    // A sample's row has no line end: it is read once its file has kept its size for 1.5 s.
    const end = Date.now() + 10_000;
    while (seen < FLAGS && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
    const perFlag = (cpuMs() - from) / FLAGS;
    await ws.dispose();
    flag.undo();
    return { perFlag, seen };
  },
};

const FLAGS = 20;
const FLAG_EVERY_MS = 150;

/** A sample id for every row of the folder (as a journal that reviewed them all holds). */
function journalIds(folder) {
  if (existsSync(join(folder, 'data.csv'))) {
    const rows = readFileSync(join(folder, 'data.csv'), 'utf8').trim().split('\n').length - 1;
    return Array.from({ length: rows }, (_, row) => `data.csv#${row + 1}`);
  }
  return readdirSync(folder)
    .filter((name) => name.includes('-'))
    .map((uuid) => `${uuid}/metadata.jsonl#1`);
}

const inChild = (name, folder, extra = '') => taskInChild('many-logs.mjs', [name, folder, extra]);

if (args[0] === '--task') {
  console.log(JSON.stringify(await tasks[args[1]](args[2], args[3])));
  process.exit(0);
}

const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
const samples = Number(args.find((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--rounds') ?? 5000);
if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('run `npm run build` first');
await buildSources(['main/workspace/workspace']);
const { perSample, oneLog } = sampleFolders(samples);
const measures = {
  indexed: (folder) => inChild('indexed', folder),
  journal: (folder) => inChild('indexed', folder, 'journal'),
  idle: (folder) => inChild('idle', folder),
  flagging: (folder) => inChild('flagging', folder),
  inspect: (folder) => timed(process.execPath, [join(root, 'bin/flagdeck.mjs'), 'inspect', '--json', folder]),
};
const best = {};
const score = { indexed: 'ms', journal: 'ms', idle: 'perSecond', flagging: 'perFlag', inspect: 'ms' };
for (let round = 0; round < rounds; round++)
  for (const [name, measure] of Object.entries(measures))
    for (const [kind, folder] of [
      ['samples', perSample],
      ['oneLog', oneLog],
    ]) {
      const result = measure(folder);
      const key = `${name}.${kind}`;
      if (!best[key] || result[score[name]] < best[key][score[name]]) best[key] = result;
    }

const x = (name, field) => (best[`${name}.samples`][field] / best[`${name}.oneLog`][field]).toFixed(1);
const b = (name) => ({ s: best[`${name}.samples`], o: best[`${name}.oneLog`] });
console.log(
  `== ${samples.toLocaleString('en')} per-sample folders against the same rows as one log, best of ${rounds} ==`,
);
let m = b('indexed');
console.log(
  `open until every row is indexed: ${m.s.ms.toFixed(0)} ms (${m.s.rows} rows, ${m.s.told} workspaceChanged) = ${x('indexed', 'ms')} x one log (${m.o.ms.toFixed(0)} ms, ${m.o.told})`,
);
m = b('journal');
console.log(
  `  with a journal of every sample: ${m.s.ms.toFixed(0)} ms = ${x('journal', 'ms')} x one log (${m.o.ms.toFixed(0)} ms)`,
);
m = b('idle');
console.log(
  `followed, idle: ${m.s.perSecond.toFixed(1)} ms of CPU a second, ${m.s.watches} inotify watches, peak ${m.s.rss.toFixed(0)} MB; one log: ${m.o.perSecond.toFixed(1)} ms, ${m.o.watches} watches, ${m.o.rss.toFixed(0)} MB`,
);
m = b('flagging');
console.log(
  // The figure first: bench/compare-commits.sh compares the first number of each line.
  `followed, flagging: ${m.s.perFlag.toFixed(1)} ms of CPU a flag (${FLAGS} flags, one each ${FLAG_EVERY_MS} ms; ${m.s.seen} rows seen) = ${x('flagging', 'perFlag')} x one log (${m.o.perFlag.toFixed(1)} ms, ${m.o.seen})`,
);
m = b('inspect');
console.log(
  `flagdeck inspect --json: ${(m.s.ms / 1000).toFixed(2)} s, peak ${m.s.rss.toFixed(0)} MB = ${x('inspect', 'ms')} x one log (${(m.o.ms / 1000).toFixed(2)} s)`,
);

#!/usr/bin/env node
// Following a folder whose label directory holds Gradio's copies of flagged files (a hash
// directory per file), while the demo flags: the CPU the app spends per flag (a new copy and its
// row), against the same flags in the same folder without the old copies (the baseline, same run).
// Watching a label directory made chokidar read it again, an lstat per entry, on every new copy.
// Also the CPU from the open until the folder is settled (first page, index, watcher, catch-up).
// Usage: node bench/follow-copies.mjs [copies] [--rounds N]   (default 100000 copies, 2 rounds)
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { HEADER, buildSources, dataDir, importBuilt, row } from './support.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
const copies = Number(args.find((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--rounds') ?? 100000);
const FLAGS = 20;
const FLAG_EVERY_MS = 150;
const SETTLE_MS = 4000;

await buildSources(['main/workspace/workspace']);
const { createWorkspace } = await importBuilt('main/workspace/workspace');

/** bench/.data/follow-copies-<n>/<with|without>/flagged: a 1,000-row log, `n` copies or none. */
function folder(withCopies) {
  const base = join(dataDir, `follow-copies-${copies}`, withCopies ? 'with' : 'without');
  const flagged = join(base, 'flagged');
  const done = join(base, '.made');
  if (!existsSync(done)) {
    rmSync(base, { recursive: true, force: true });
    mkdirSync(join(flagged, 'image'), { recursive: true });
    if (withCopies) for (let i = 0; i < copies; i++) copy(flagged, i);
    writeFileSync(done, '');
  }
  const log = join(flagged, 'log.csv');
  writeFileSync(
    log,
    HEADER + Array.from({ length: 1000 }, (_, i) => row(i + 1, Date.UTC(2025, 0, 1) + i)).join(''),
  );
  return flagged;
}

/** The copy Gradio makes of flagged file `i`: `image/<20 hex>/img_<i>.png`, as bench rows name it. */
function copy(flagged, i) {
  const hash = join(flagged, 'image', (i * 2654435761).toString(16).padStart(20, '0').slice(-20));
  mkdirSync(hash, { recursive: true });
  writeFileSync(join(hash, `img_${i}.png`), '');
  return hash;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function follow(flagged) {
  let appended = 0;
  const ws = createWorkspace({
    emit: (event, payload) => void (event === 'rowsAppended' && (appended += payload.ids.length)),
  });
  const opened = cpuMs();
  await ws.open([flagged]);
  await sleep(SETTLE_MS);
  const settle = cpuMs() - opened;
  const flagging = cpuMs();
  const made = [];
  for (let k = 0; k < FLAGS; k++) {
    // Removed after the run: a copy that is there already adds no entry to the label directory.
    const i = copies + 1000 + k;
    made.push(copy(flagged, i));
    appendFileSync(join(flagged, 'log.csv'), row(i, Date.UTC(2025, 1, 1) + k));
    await sleep(FLAG_EVERY_MS);
  }
  const deadline = Date.now() + 5000;
  while (appended < FLAGS && Date.now() < deadline) await sleep(20);
  await sleep(1000);
  const perFlag = (cpuMs() - flagging) / FLAGS;
  await ws.dispose();
  for (const hash of made) rmSync(hash, { recursive: true });
  return { settle, perFlag, appended };
}

const without = folder(false);
const withCopies = folder(true);
const best = { without: null, with: null };
for (let round = 0; round < rounds; round++)
  for (const [name, flagged] of [
    ['without', without],
    ['with', withCopies],
  ]) {
    const result = await follow(flagged);
    if (result.appended < FLAGS) throw new Error(`${name}: ${result.appended} of ${FLAGS} flags seen`);
    if (!best[name] || result.perFlag < best[name].perFlag) best[name] = result;
  }
console.log(
  `load ${loadavg()[0].toFixed(1)}; ${FLAGS} flags, one every ${FLAG_EVERY_MS} ms; best of ${rounds}`,
);
console.log(
  `CPU per flag: ${best.with.perFlag.toFixed(1)} ms with ${copies} copies in the label directory, ${best.without.perFlag.toFixed(1)} ms without = ${(best.with.perFlag / best.without.perFlag).toFixed(2)} x   target about 1 x`,
);
console.log(
  `CPU from the open until settled (${SETTLE_MS / 1000} s): ${best.with.settle.toFixed(0)} ms with the copies, ${best.without.settle.toFixed(0)} ms without`,
);

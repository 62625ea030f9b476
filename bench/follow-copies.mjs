#!/usr/bin/env node
// Following a folder whose label directory holds Gradio's copies of flagged files (a hash
// directory per file), while the demo flags: the CPU the app spends per flag (a new copy and its
// row), against the same flags in the same folder without the old copies (the baseline, same run).
// Watching a label directory made chokidar read it again, an lstat per entry, on every new copy.
// Also the CPU from the open until the folder is settled (first page, index, watcher, catch-up),
// and the CPU per second while 100 rows whose files are missing are shown (each follow poll looks
// for their files again: a look-up that read the label directory cost a read of all its entries).
// Usage: node bench/follow-copies.mjs [copies] [--rounds N]   (default 100000 copies, 2 rounds)
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { HEADER, buildSources, cpuMs, dataDir, importBuilt, row } from './support.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
const copies = Number(args.find((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--rounds') ?? 100000);
const FLAGS = 20;
const FLAG_EVERY_MS = 150;
const SETTLE_MS = 4000;
const MISSING_SHOWN_MS = 6000;

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
  return flagged;
}

/** A log of `count` rows from row `first` on (bench rows name the copy `first`, … as their image). */
function writeLog(flagged, first, count) {
  const rows = Array.from({ length: count }, (_, i) => row(first + i, Date.UTC(2025, 0, 1) + i));
  writeFileSync(join(flagged, 'log.csv'), HEADER + rows.join(''));
}

/** The copy Gradio makes of flagged file `i`: `image/<20 hex>/img_<i>.png`, as bench rows name it. */
function copy(flagged, i) {
  const hash = join(flagged, 'image', (i * 2654435761).toString(16).padStart(20, '0').slice(-20));
  mkdirSync(hash, { recursive: true });
  writeFileSync(join(hash, `img_${i}.png`), '');
  return hash;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function follow(flagged) {
  writeLog(flagged, 1, 1000);
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

/**
 * The CPU per second while a page of 100 rows whose files are missing is shown (each follow poll
 * asks for their files again, for those that arrive), the folder otherwise idle.
 */
async function missingShown(flagged) {
  writeLog(flagged, copies + 5000, 100);
  const ws = createWorkspace({ emit: () => {} });
  await ws.open([flagged]);
  const page = await ws.query({ filter: {}, offset: 0, limit: 100 });
  const missing = page.rows.filter((shown) =>
    shown.cells.some((cell) => cell.assets.some((a) => a.status === 'missing')),
  );
  if (missing.length !== 100) throw new Error(`${missing.length} of 100 rows shown missing`);
  await sleep(2000);
  const from = cpuMs();
  await sleep(MISSING_SHOWN_MS);
  const perSecond = (cpuMs() - from) / (MISSING_SHOWN_MS / 1000);
  await ws.dispose();
  return perSecond;
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
    const shown = await missingShown(flagged);
    if (!best[name] || result.perFlag < best[name].perFlag)
      best[name] = { ...result, missingShown: best[name]?.missingShown ?? shown };
    best[name].missingShown = Math.min(best[name].missingShown, shown);
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
console.log(
  `CPU per second with 100 rows shown whose files are missing: ${best.with.missingShown.toFixed(0)} ms with the copies, ${best.without.missingShown.toFixed(0)} ms without = ${(best.with.missingShown / best.without.missingShown).toFixed(2)} x`,
);

#!/usr/bin/env node
// A demo followed from its first flags, with the HF saver's per-sample folders (`separate_dirs=True`:
// one `<uuid>/metadata.jsonl` per flag): the folder is opened with 3 samples and grows to N while
// followed (bursts of 10 flags, 20 ms apart). Printed: how long after the last flag every sample had
// joined, then the CPU of 20 more flags (one each 150 ms, the samples settled), beside the baseline:
// the same 20 flags in a folder opened with N samples already there. Each measure runs in a fresh
// process, the two in turn; the best round is printed.
// Usage: node bench/follow-growth.mjs [N…] [--rounds R]   (default N: 300 1000, 2 rounds)
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSources, cpuMs, dataDir, importBuilt, taskInChild } from './support.mjs';
import { hex } from './hf-saver-folders.mjs';

const args = process.argv.slice(2);
const FIRST_SAMPLES = 3;
const FLAGS = 20;
const FLAG_EVERY_MS = 150;
/** A sample's folder is watched until its log has kept still this long (sample-folders.ts). */
const SETTLED_MS = 10_000;
const CATCH_UP_LIMIT_MS = 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes sample `i` as the saver does: its image, then its log (`ageMs` old). */
function flag(folder, i, ageMs = 0) {
  const uuid = `${hex(900_000 + i, 8)}-1111-4222-8333-${hex(i, 12)}`;
  const image = `im/${hex(i, 20)}/bus.png`;
  mkdirSync(join(folder, uuid, image, '..'), { recursive: true });
  writeFileSync(join(folder, uuid, image), 'png');
  const row = { text: `flag ${i}`, im: `${uuid}/${image}`, flag: 'wrong', username: '', timestamp: '' };
  writeFileSync(join(folder, uuid, 'metadata.jsonl'), JSON.stringify(row));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    utimesSync(join(folder, uuid, 'metadata.jsonl'), then, then);
  }
}

/** Opens `folder` followed; `joined()` counts the logs added since. */
async function followed(folder) {
  const { createWorkspace } = await importBuilt('main/workspace/workspace');
  let added = 0;
  const ws = createWorkspace({ emit: (event) => void (event === 'logAdded' && added++) });
  await ws.open([folder]);
  await ws.whenIdle();
  return { ws, joined: () => added };
}

/** Waits until `count` logs have joined, at most CATCH_UP_LIMIT_MS: how long it took, or null. */
async function joinedAll(session, count) {
  const from = Date.now();
  while (session.joined() < count && Date.now() - from < CATCH_UP_LIMIT_MS) await sleep(10);
  return session.joined() >= count ? Date.now() - from : null;
}

/** The CPU of FLAGS more flags from sample `from` on, until each has joined (ms a flag), or null. */
async function flagsCost(folder, session, from) {
  const start = session.joined();
  const before = cpuMs();
  for (let i = 0; i < FLAGS; i++) {
    flag(folder, from + i);
    await sleep(FLAG_EVERY_MS);
  }
  if ((await joinedAll(session, start + FLAGS)) === null) return null;
  return (cpuMs() - before) / FLAGS;
}

const tasks = {
  async grown(folder, samples) {
    const n = Number(samples);
    for (let i = 0; i < FIRST_SAMPLES; i++) flag(folder, i, 60_000);
    const session = await followed(folder);
    for (let i = FIRST_SAMPLES; i < n; i++) {
      flag(folder, i);
      if (i % 10 === 0) await sleep(20);
    }
    const caughtUp = await joinedAll(session, n - FIRST_SAMPLES);
    if (caughtUp === null) return { caughtUp, perFlag: null };
    await session.ws.whenIdle();
    await sleep(SETTLED_MS + 1000);
    const perFlag = await flagsCost(folder, session, n);
    await session.ws.dispose();
    return { caughtUp, perFlag };
  },
  async opened(folder, samples) {
    const n = Number(samples);
    for (let i = 0; i < n; i++) flag(folder, i, 60_000);
    const session = await followed(folder);
    await sleep(2000);
    const perFlag = await flagsCost(folder, session, n);
    await session.ws.dispose();
    return { perFlag };
  },
};

/** Runs `task` in a fresh process on a folder of its own, removed afterwards. */
function inChild(task, samples) {
  mkdirSync(join(dataDir, 'follow-growth'), { recursive: true });
  const folder = mkdtempSync(join(dataDir, 'follow-growth', `${task}-`));
  try {
    return taskInChild('follow-growth.mjs', [task, folder, String(samples)], false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main() {
  if (args[0] === '--task') {
    console.log(JSON.stringify(await tasks[args[1]](args[2], args[3])));
    return;
  }
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
  const given = args.filter((arg, i) => /^\d+$/.test(arg) && i !== roundsAt + 1).map(Number);
  await buildSources(['main/workspace/workspace']);
  for (const n of given.length > 0 ? given : [300, 1000]) {
    const grown = [];
    const opened = [];
    for (let r = 0; r < rounds; r++) {
      grown.push(inChild('grown', n));
      opened.push(inChild('opened', n));
    }
    const best = (list, field) => {
      const values = list.map((run) => run[field]).filter((value) => value !== null);
      return values.length > 0 ? Math.min(...values) : null;
    };
    const caughtUp = best(grown, 'caughtUp');
    const grownFlag = best(grown, 'perFlag');
    const openedFlag = best(opened, 'perFlag');
    console.log(`\n== followed from ${FIRST_SAMPLES} samples, grown to ${n} (best of ${rounds}) ==`);
    const late = `had not all joined ${CATCH_UP_LIMIT_MS / 1000} s after the last`;
    if (caughtUp === null) {
      console.log(`the flags ${late}`);
      continue;
    }
    console.log(`every sample had joined ${caughtUp} ms after the last flag (bursts of 10, 20 ms apart)`);
    if (grownFlag === null || openedFlag === null) {
      console.log(
        `then ${FLAGS} flags, one each ${FLAG_EVERY_MS} ms, ${late} (grown: ${grownFlag}, opened: ${openedFlag})`,
      );
      continue;
    }
    console.log(
      `then ${grownFlag.toFixed(1)} ms of CPU a flag = ${(grownFlag / openedFlag).toFixed(2)} x the folder opened with ${n} (${openedFlag.toFixed(1)} ms)`,
    );
  }
}

await main();

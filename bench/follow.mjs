#!/usr/bin/env node
// Live follow: latency from a row appended by another process to its `rowsAppended` event (p50,
// p95), on a 1,000-row and a 1,000,000-row log; and the work per append, shown as the time of one
// refresh after a one-row append at both sizes (it reads only the new bytes, so it must not grow
// with the log). Baseline in the same run: a bare appendFileSync + stat round trip.
// Usage: node bench/follow.mjs [appends]
import { fork } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { bigLog, buildSources, dataDir, importBuilt, row } from './support.mjs';

const appends = Number(process.argv[2] ?? 40);
await buildSources([
  'main/workspace/workspace',
  'main/follow/refresh-log',
  'main/log-index/index-folder',
  'main/log-index/intern',
]);
const { Interner } = await importBuilt('main/log-index/intern');
const { createWorkspace } = await importBuilt('main/workspace/workspace');
const { refreshLog } = await importBuilt('main/follow/refresh-log');
const { indexFolder } = await importBuilt('main/log-index/index-folder');

const CHILD = `
const { appendFileSync } = require('node:fs');
process.on('message', ({ file, text }) => {
  appendFileSync(file, text);
  process.send(performance.timeOrigin + performance.now());
});`;

async function folderOf(rows) {
  const folder = join(dataDir, `follow-${rows}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  copyFileSync(await bigLog(rows), join(folder, 'log.csv'));
  return folder;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function latency(rows) {
  const folder = await folderOf(rows);
  const file = join(folder, 'log.csv');
  const seen = new Map();
  const ws = createWorkspace({
    emit: (event, payload) => {
      if (event !== 'rowsAppended') return;
      const now = performance.timeOrigin + performance.now();
      for (const id of payload.ids) seen.set(id, now);
    },
  });
  await ws.open([folder]);
  await ws.whenIndexed();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const script = join(dataDir, 'follow-appender.cjs');
  writeFileSync(script, CHILD);
  const child = fork(script, [], { stdio: 'ignore' });
  const written = [];
  for (let i = 0; i < appends; i++) {
    const at = await new Promise((resolve) => {
      child.once('message', resolve);
      child.send({ file, text: row(rows + i + 1, Date.UTC(2025, 0, 1) + i * 1000) });
    });
    written.push(at);
    // Irregular gaps, some inside chokidar's 50 ms throttle window.
    await new Promise((resolve) => setTimeout(resolve, [15, 40, 90, 160][i % 4]));
  }
  const deadline = Date.now() + 5000;
  while (seen.size < appends && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill();
  await ws.dispose();
  const delays = written.map((at, i) => seen.get(`log.csv#${rows + i + 1}`) - at);
  const missing = delays.filter((d) => Number.isNaN(d)).length;
  return { p50: percentile(delays, 50), p95: percentile(delays, 95), missing };
}

async function refreshCost(rows) {
  const folder = await folderOf(rows);
  const file = join(folder, 'log.csv');
  const [log] = await indexFolder(folder);
  const interners = { reasons: new Interner(), usernames: new Interner() };
  const times = [];
  let bytes = 0;
  for (let i = 0; i < 30; i++) {
    const text = row(rows + i + 1, Date.UTC(2025, 0, 1) + i * 1000);
    appendFileSync(file, text);
    bytes += Buffer.byteLength(text);
    const before = log.indexedEnd;
    const t0 = performance.now();
    await refreshLog(log, interners, async () => log.shape, false);
    times.push(performance.now() - t0);
    if (log.indexedEnd - before !== Buffer.byteLength(text))
      throw new Error('a refresh read other than the new row');
  }
  return { median: percentile(times, 50), bytesPerAppend: bytes / 30 };
}

function baseline() {
  const file = join(dataDir, 'follow-baseline.csv');
  writeFileSync(file, '');
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    appendFileSync(file, row(i, 0));
    statSync(file);
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

const base = baseline();
console.log(
  `load ${loadavg()[0].toFixed(1)}; baseline append+stat ${base.toFixed(3)} ms; ${appends} appends per size`,
);
const small = await latency(1000);
const large = await latency(1_000_000);
for (const [name, r] of [
  ['1k rows', small],
  ['1M rows', large],
]) {
  console.log(
    `append -> rowsAppended, ${name}: p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms   target p95 < 250 ms${r.missing ? `   MISSING ${r.missing}` : ''}`,
  );
}
const costSmall = await refreshCost(1000);
const costLarge = await refreshCost(1_000_000);
console.log(
  `refresh after a one-row append (~${costSmall.bytesPerAppend.toFixed(0)} bytes read): 1k rows ${costSmall.median.toFixed(2)} ms, 1M rows ${costLarge.median.toFixed(2)} ms`,
);
console.log(
  `  ratio 1M/1k = ${(costLarge.median / costSmall.median).toFixed(2)} (1.0 = independent of log size); ${(costLarge.median / base).toFixed(1)} x baseline`,
);

#!/usr/bin/env node
// Review journal speed: latency from an edit call to its fsync'd acknowledgement (p50/p95), and
// the time of a 10,000-sample bulk edit, its undo, and reopening the folder. Each figure is also
// printed as a ratio to a baseline measured in the same run: the bare O_APPEND write + fsync of
// the same bytes, i.e. what the disk alone costs. Targets (issue #5): p95 < 15 ms, bulk < 0.5 s.
// Run: node bench/review.mjs [edits=500] [bulk=10000]
import { mkdtempSync, openSync, rmSync, statSync, writeSync, fsyncSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const edits = Number(process.argv[2] ?? 500);
const bulkSize = Number(process.argv[3] ?? 10_000);

async function importReview() {
  const out = join(root, 'bench/.data/build/review.mjs');
  await build({
    input: join(root, 'src/main/review/open-review.ts'),
    platform: 'node',
    external: [/^node:/, 'zod'],
    output: { file: out, format: 'esm' },
    logLevel: 'silent',
  });
  return import(out);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value) => `${value.toFixed(2)} ms`;

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function timeAsync(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The disk's own cost: append `bytes` bytes in one write and fsync, as the journal does. */
function rawAppend(file, bytes) {
  const data = Buffer.alloc(bytes, 0x61);
  return time(() => {
    const fd = openSync(file, 'a');
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
  });
}

const samples = (n, prefix) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}#${i + 1}`,
    rowHash: `h${i + 1}`,
    originalReason: null,
  }));

const { openReview } = await importReview();
const work = mkdtempSync(join(tmpdir(), 'flagdeck-bench-review-'));
try {
  const store = await openReview(work, { dataDir: join(work, 'data'), reviewer: 'bench' });
  // The baseline writes as many bytes as the journal gets per edit (measured on a first edit).
  await store.edit(samples(1, 'warmup.csv'), { reason: 'r0', status: 'keep' }, 'bench');
  const lineBytes = statSync(store.location.journal).size;

  const raw = [];
  const latencies = [];
  const singles = samples(edits, 'log.csv');
  for (let i = 0; i < edits; i += 1) {
    raw.push(rawAppend(join(work, 'raw.bin'), lineBytes));
    latencies.push(
      await timeAsync(() => store.edit([singles[i]], { reason: `r${i % 9}`, status: 'keep' }, 'bench')),
    );
  }
  raw.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  const [p50, p95, raw50, raw95] = [
    percentile(latencies, 50),
    percentile(latencies, 95),
    percentile(raw, 50),
    percentile(raw, 95),
  ];

  const bulk = samples(bulkSize, 'dataset1.csv');
  const bulkMs = await timeAsync(() => store.edit(bulk, { status: 'drop', reason: 'spam' }, 'bench'));
  const bulkRaw = rawAppend(join(work, 'raw.bin'), bulkSize * lineBytes);
  const undoMs = await timeAsync(() => store.undo('bench'));
  await store.close();

  const reopenMs = await timeAsync(async () =>
    (await openReview(work, { dataDir: join(work, 'data') })).close(),
  );
  const lines = 1 + edits + 2 * bulkSize;

  console.log(
    `review journal bench (${edits} single edits of ${lineBytes} bytes, bulk of ${bulkSize}; disk baseline = O_APPEND write + fsync of the same bytes)`,
  );
  console.log(`edit -> fsync'd ack  p50 ${ms(p50)} (x${(p50 / raw50).toFixed(2)} baseline ${ms(raw50)})`);
  console.log(
    `edit -> fsync'd ack  p95 ${ms(p95)} (x${(p95 / raw95).toFixed(2)} baseline ${ms(raw95)})   target < 15 ms: ${p95 < 15 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `bulk edit of ${bulkSize}     ${ms(bulkMs)} (x${(bulkMs / bulkRaw).toFixed(2)} baseline ${ms(bulkRaw)})   target < 500 ms: ${bulkMs < 500 ? 'met' : 'MISSED'}`,
  );
  console.log(`undo of that bulk      ${ms(undoMs)} (x${(undoMs / bulkRaw).toFixed(2)} baseline)`);
  console.log(`reopen (${lines} lines, snapshot written on close) ${ms(reopenMs)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Edits while queries keep the app busy (the probe's "4 editors, 200 queries in flight").
const { editsUnderLoad } = await import('./review-under-load.mjs');
const load = await editsUnderLoad({ rows: Number(process.argv[4] ?? 20_000) });
const f = (v) => `${v.toFixed(1)} ms`;
console.log(
  `edit under load (${load.inFlight} queries in flight over ${load.rows.toLocaleString('en')} rows; ${load.queries.count} queries, p50 ${f(load.queries.p50)})`,
);
console.log(
  `  edit p50 ${f(load.loaded.p50)} (x${(load.loaded.p50 / load.idle.p50).toFixed(2)} idle ${f(load.idle.p50)})   p95 ${f(load.loaded.p95)} (x${(load.loaded.p95 / load.idle.p95).toFixed(2)} idle ${f(load.idle.p95)})   target p95 < 50 ms: ${load.loaded.p95 < 50 ? 'met' : 'MISSED'}`,
);

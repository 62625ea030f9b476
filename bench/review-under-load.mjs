// Part of bench/review.mjs: an edit's latency (the `review.edit` call through the app's dispatch,
// as both hosts make it) while 200 queries are in flight, against the same edits on an idle app in
// the same run. Edits must not wait behind queries (issue 10).
import { mkdirSync, existsSync, linkSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigLog, buildSources, importBuilt } from './support.mjs';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
// Pages of the whole log, of the unreviewed, of a reason, sorted four ways: what 50 reviewers
// scrolling do. (A text search reads the log's bytes; 200 of those at once measure the disk.)
const reasons = ['wrong', 'offensive', 'other'];

/** `count` single edits one after the other, each timed from the call to its fsync'd answer. */
async function editLatencies(app, folderId, count, offset) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const id = `log.csv#${offset + i + 1}`;
    const start = performance.now();
    const result = await app.dispatch('review.edit', {
      targets: { samples: [{ folderId, id }] },
      patch: { status: i % 2 ? 'keep' : 'drop' },
    });
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
  }
  return times.sort((a, b) => a - b);
}

/** Keeps `inFlight` queries running (varied filters, sorts and pages) until `stop()`; their latencies. */
function queryLoad(app, rows, inFlight) {
  let running = true;
  const latencies = [];
  let n = 0;
  const one = async () => {
    while (running) {
      const i = n++;
      const start = performance.now();
      await app.dispatch('samples.query', {
        filter: i % 3 === 0 ? { statuses: ['unreviewed'] } : i % 3 === 1 ? { reasons: [reasons[i % 3]] } : {},
        sort: { by: i % 2 ? 'timestamp' : 'ordinal', dir: i % 4 < 2 ? 'asc' : 'desc' },
        offset: (i * 7919) % Math.max(1, rows - 100),
        limit: 100,
      });
      latencies.push(performance.now() - start);
      // A client's next request arrives through the network, a later turn of the event loop (a
      // cached empty page answers in microtasks only, which would starve everything else).
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const workers = Array.from({ length: inFlight }, one);
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return latencies.sort((a, b) => a - b);
    },
  };
}

const say = (message) =>
  process.env.BENCH_VERBOSE && console.error(`${(performance.now() / 1000).toFixed(1)} s ${message}`);

export async function editsUnderLoad({ rows = 20_000, edits = 50, inFlight = 200 } = {}) {
  const log = await bigLog(rows);
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-bench-load-'));
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, 'log.csv'))) linkSync(log, join(folder, 'log.csv'));
  await buildSources(['main/app/compose', 'main/app/services', 'main/app/host-services']);
  const { createApp } = await importBuilt('main/app/compose');
  const { createServices } = await importBuilt('main/app/services');
  const { webHostServices } = await importBuilt('main/app/host-services');
  const app = await createApp({
    dataDir: join(folder, 'data'),
    host: webHostServices('x'.repeat(32)),
    services: createServices,
  });
  try {
    await app.open([folder]);
    await app.handlers['samples.query']({ filter: {}, offset: 0, limit: 1 });
    const folderId = (await app.handlers['workspace.info']({})).folders[0].id;
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the background index
    say('indexed');
    await editLatencies(app, folderId, 10, 0); // warm up
    const idle = await editLatencies(app, folderId, edits, 10);
    say('idle edits done');
    const load = queryLoad(app, rows, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const loaded = await editLatencies(app, folderId, edits, 10 + edits);
    say('loaded edits done');
    const queries = await load.stop();
    say('load stopped');
    return {
      rows,
      edits,
      inFlight,
      idle: { p50: percentile(idle, 50), p95: percentile(idle, 95) },
      loaded: { p50: percentile(loaded, 50), p95: percentile(loaded, 95) },
      queries: { count: queries.length, p50: percentile(queries, 50), p95: percentile(queries, 95) },
    };
  } finally {
    await app.close();
    // The log is a hard link to the cached one under bench/.data: removing the link keeps that.
    rmSync(folder, { recursive: true, force: true });
  }
}

#!/usr/bin/env node
// Run by bench/query.mjs in a process of its own: opens the folder in a workspace (as the UI's
// process does), then the first and repeated search and sort on every column; prints JSON with
// the timings and the process's peak RSS. Usage: node bench/query-columns.mjs <folder>
import { readFileSync } from 'node:fs';
import { importBuilt } from './support.mjs';

const folder = process.argv[2];
const { createWorkspace } = await importBuilt('main/workspace/workspace');
const mb = (bytes) => bytes / 1048576;

/**
 * This process's own peak RSS. Not process.resourceUsage().maxRSS: Linux carries a parent's peak
 * over to the child it spawns (bench/query.mjs's, which held a 1M-row workspace too, 206 MB), so
 * that figure was the larger of the two. VmHWM is this process's address space's own.
 */
function peakBytes() {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // Not Linux: the rusage figure, which other systems do not inherit this way.
  }
  return process.resourceUsage().maxRSS * 1024;
}

const t0 = performance.now();
const ws = createWorkspace({ emit: () => {}, follow: false });
await ws.open([folder]);
await ws.whenIndexed();
const indexMs = performance.now() - t0;
const indexedRss = mb(process.memoryUsage().rss);
const indexedPeak = mb(peakBytes());

async function timed(run) {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

const q = (filter, sort) => () => ws.query({ filter, sort, offset: 0, limit: 100 });
const queries = [
  ['search "gradio flags" (a new word)', q({ text: 'gradio flags' })],
  ...['prompt', 'image', 'output', 'chat', 'flag', 'username', 'timestamp'].map((column) => [
    `sort on ${column}`,
    q({}, { by: column, dir: 'asc' }),
  ]),
  ['sort on chat, descending', q({}, { by: 'chat', dir: 'desc' })],
  ['filter chat = "[]"', q({ columns: [{ column: 'chat', values: ['[]'] }] })],
  [
    'search "question 0 about" + sort on output',
    q({ text: 'question 0 about' }, { by: 'output', dir: 'asc' }),
  ],
  ['search "sample 4242" + sort on image', q({ text: 'sample 4242' }, { by: 'image', dir: 'desc' })],
];
const out = [];
for (const [name, run] of queries) {
  const first = await timed(run);
  const again = [];
  for (let i = 0; i < 3; i++) again.push((await timed(run)).ms);
  again.sort((a, b) => a - b);
  out.push({
    name,
    first: first.ms,
    repeated: again[1],
    total: first.result.total,
    peak: mb(peakBytes()),
    rss: mb(process.memoryUsage().rss),
    ab: mb(process.memoryUsage().arrayBuffers),
    heap: mb(process.memoryUsage().heapTotal),
  });
}
const peakRss = mb(peakBytes());
await ws.dispose();
process.stdout.write(JSON.stringify({ indexMs, indexedRss, indexedPeak, peakRss, queries: out }));

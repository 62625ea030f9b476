// Shared by the bench scripts: builds the TypeScript sources they measure into bench/.data/build/<checkout>
// (rolldown, already a dependency of the toolchain) and generates the big realistic log.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = join(root, 'bench/.data');

// bench/.data is shared by every checkout of the repo on this machine: each checkout bundles into a
// folder of its own, or one checkout's bench would run another's code.
export const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
const buildDir = join(dataDir, 'build', checkout);

function builtPath(entry) {
  return join(buildDir, entry.replaceAll('/', '_') + '.mjs');
}

/** CPU time this process has used (every thread), in ms. */
export function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Imports a module bundled earlier by buildSources (without loading the bundler: RSS stays honest). */
export function importBuilt(entry) {
  return import(builtPath(entry));
}

/** Bundles each `src/<entry>.ts` to an importable module. */
export async function buildSources(entries) {
  for (const entry of entries) await bundle(entry);
}

/** Bundles `src/<entry>.ts` to an importable module and imports it. */
export async function importSource(entry) {
  await bundle(entry);
  return importBuilt(entry);
}

async function bundle(entry) {
  const out = builtPath(entry);
  mkdirSync(dirname(out), { recursive: true });
  const { build } = await import('rolldown');
  await build({
    input: join(root, 'src', entry + '.ts'),
    platform: 'node',
    external: [/^node:/, 'chokidar', 'csv-parse', 'zod', 'sharp', 'ws', /^@huggingface\//, /^hyparquet/],
    // The app loads export targets lazily; one file per entry keeps importBuilt simple.
    output: { file: out, format: 'esm', codeSplitting: false },
    logLevel: 'silent',
  });
}

const reasons = ['', '', '', 'wrong', 'offensive', 'incorrect label', 'other'];
const words = 'the quick brown fox jumps over a lazy dog while gradio flags every sample it sees'.split(' ');

function pick(list, n) {
  return list[n % list.length];
}

function csvCell(text) {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One realistic Gradio 4.x-late row: text, image path, Label JSON, chat JSON, flag, username, timestamp. */
export function row(i, time) {
  const text = `${pick(words, i)} ${pick(words, i * 7)}${i % 4 === 0 ? '\nsecond line\n' : ' '}sample ${i}`;
  const image = `flagged/image/${(i * 2654435761).toString(16).padStart(20, '0').slice(-20)}/img_${i}.png`;
  const label = JSON.stringify({
    label: pick(['cat', 'dog', 'bird'], i),
    confidences: [
      { label: 'cat', confidence: ((i % 97) / 97).toFixed(4) * 1 },
      { label: 'dog', confidence: ((i % 89) / 89).toFixed(4) * 1 },
    ],
  });
  const turns = i % 2;
  const chat = JSON.stringify(
    Array.from({ length: turns }, (_, t) => [
      `question ${t} about ${pick(words, i + t)}?`,
      `answer ${t}: ${pick(words, i * 3 + t)}, with "quotes"`,
    ]),
  );
  const reason = pick(reasons, (i * 31) % 101);
  const user = i % 3 === 0 ? `user${i % 17}` : '';
  const stamp = new Date(time).toISOString().replace('T', ' ').replace('Z', '') + '123';
  return [text, image, label, chat, reason, user, stamp].map(csvCell).join(',') + '\r\n';
}

export const HEADER = 'prompt,image,output,chat,flag,username,timestamp\r\n';

/** Writes (once) a log of `rows` rows; returns its path. */
export async function bigLog(rows) {
  const file = join(dataDir, `log-${rows}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  mkdirSync(dataDir, { recursive: true });
  const out = createWriteStream(file);
  out.write(HEADER);
  const start = Date.UTC(2024, 0, 1);
  let batch = '';
  for (let i = 1; i <= rows; i++) {
    batch += row(i, start + i * 1000);
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise((resolve) => out.once('drain', resolve));
      batch = '';
    }
  }
  out.write(batch);
  await new Promise((resolve) => out.end(resolve));
  return file;
}

/**
 * The environment of the processes a bench times: without NODE_EXTRA_CA_CERTS. Where it is set (as
 * on the machine the README's figures come from), Node 20 reads and parses that file's certificates
 * at every start, 50-60 ms before any script runs (Node 22+ waits for the first TLS connection).
 * bench/open.mjs prints what it costs there; the other figures are those of a machine without it.
 */
export const childEnv = { ...process.env };
delete childEnv.NODE_EXTRA_CA_CERTS;

const hasTime = existsSync('/usr/bin/time');

/**
 * Runs a command; wall time measured here, peak RSS by /usr/bin/time where it exists and `withRss`
 * (its own fork and exec cost 1-3 ms: the fixed cost, which reports no memory, runs without it).
 */
export function timedCommand(command, commandArgs, env = childEnv, withRss = true) {
  const rssFile = join(dataDir, `rss-${process.pid}.txt`);
  const measured = hasTime && withRss;
  const [cmd, argv] = measured
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...commandArgs]]
    : [command, commandArgs];
  const t0 = performance.now();
  const result = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${result.stderr}`);
  const rss = measured ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024 : NaN;
  if (measured) rmSync(rssFile, { force: true });
  return { ms, rss, out: result.stdout };
}

/**
 * Runs `bench/<script> --task …taskArgs` in a fresh Node process (the task prints one JSON line
 * last): that line's fields, with the child's wall time (`wall`) and, where measured, its peak RSS
 * in MB (`peak`).
 */
export function taskInChild(script, taskArgs, withRss = true) {
  const run = timedCommand(
    process.execPath,
    [join(root, 'bench', script), '--task', ...taskArgs],
    childEnv,
    withRss,
  );
  return { ...JSON.parse(run.out.trim().split('\n').at(-1)), wall: run.ms, peak: run.rss };
}

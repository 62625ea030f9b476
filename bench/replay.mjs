#!/usr/bin/env node
// Replay throughput: 1,000 flagged text samples sent to a local Gradio app (the replay tests' text
// app, version 2, Gradio 6.31.0 from .venv-gradio or FLAGDECK_GRADIO_PYTHON), by `flagdeck replay`
// (the built CLI, @gradio/client, concurrency 4, results stored and compared) and by Python's
// gradio_client making the same calls (4 threads) in the same run, against the same app.
// Target (issue 14): Flagdeck at least as fast (ratio >= 1). Usage: node bench/replay.mjs [samples]
// Needs `npm run build` (out/main/cli.js) and `bash scripts/gradio-env.sh`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { dataDir, root } from './support.mjs';

const samples = Number(process.argv[2] ?? 1000);
const concurrency = 4;
const python = process.env.FLAGDECK_GRADIO_PYTHON ?? join(root, '.venv-gradio/bin/python');
if (!existsSync(python)) throw new Error('no Gradio venv: run `bash scripts/gradio-env.sh` first');
if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('run `npm run build` first');

// A Gradio 5+/6 CSVLogger folder, as the text app's version 1 writes it: prompt, answer, timestamp.
const folder = join(dataDir, `replay-${samples}`);
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const prompts = Array.from({ length: samples }, (_, i) => (i % 5 === 0 ? `bug report ${i}` : `sample ${i}`));
const lines = ['prompt,answer,timestamp'];
for (const prompt of prompts) {
  const answer = prompt.startsWith('bug') ? prompt : prompt.toUpperCase();
  lines.push(`${prompt},${answer},2026-12-02 12:00:00.000000`);
}
writeFileSync(join(folder, 'dataset1.csv'), `${lines.join('\n')}\n`);
writeFileSync(join(folder, 'prompts.json'), JSON.stringify(prompts));

const app = spawn(
  python,
  [join(root, 'tests/support/gradio-apps/replay_apps.py'), '--apps', 'text', '--serve'],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const url = await new Promise((resolve, reject) => {
  createInterface({ input: app.stdout }).on('line', (line) => {
    if (line.startsWith('{')) resolve(JSON.parse(line).apps.text);
  });
  app.on('exit', (code) => reject(new Error(`the Gradio app exited (${code})`)));
});

function timed(command, args, env = {}) {
  const t0 = performance.now();
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`${command} failed (${run.status}): ${run.stderr}`);
  return { seconds, stdout: run.stdout };
}

const pythonClient = `
import json, sys
from concurrent.futures import ThreadPoolExecutor
from gradio_client import Client
url, prompts_file, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
prompts = json.load(open(prompts_file))
client = Client(url, verbose=False)
with ThreadPoolExecutor(workers) as pool:
    answers = list(pool.map(lambda p: client.predict(p, api_name="/predict"), prompts))
print(json.dumps({"answers": len(answers), "changed": sum(a != (p if p.startswith("bug") else p.upper()) for p, a in zip(prompts, answers))}))
`;

try {
  // One warm-up call each, so neither side pays the app's first-call cost.
  writeFileSync(join(folder, 'warm.json'), JSON.stringify(prompts.slice(0, 4)));
  timed(python, ['-c', pythonClient, url, join(folder, 'warm.json'), '1']);
  const dataHome = join(dataDir, 'replay-data');
  const ours = timed(
    process.execPath,
    [
      join(root, 'bin/flagdeck.mjs'),
      'replay',
      folder,
      '--app',
      url,
      '--concurrency',
      String(concurrency),
      '--json',
    ],
    { XDG_DATA_HOME: dataHome },
  );
  const oursJson = JSON.parse(ours.stdout);
  const theirs = timed(python, ['-c', pythonClient, url, join(folder, 'prompts.json'), String(concurrency)]);
  const theirsJson = JSON.parse(theirs.stdout);
  const oursRate = samples / ours.seconds;
  const theirsRate = samples / theirs.seconds;
  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}, ${samples} text samples, concurrency ${concurrency}`,
  );
  console.log(
    `flagdeck replay (CLI, stored + compared): ${ours.seconds.toFixed(2)} s, ${oursRate.toFixed(0)} samples/s ` +
      `(${oursJson.same} same, ${oursJson.changed} changed, ${oursJson.errors} errors)`,
  );
  console.log(
    `python gradio_client (calls only):        ${theirs.seconds.toFixed(2)} s, ${theirsRate.toFixed(0)} samples/s ` +
      `(${theirsJson.answers} answers)`,
  );
  console.log(
    `ratio flagdeck / gradio_client throughput: ${(oursRate / theirsRate).toFixed(2)} (target >= 1)`,
  );
} finally {
  app.kill('SIGKILL');
}

// A small folder's `flagdeck inspect` must not pay for what only large logs need: the modules
// below cost a short command 4-7 ms each to load. The CLI is built with its lazy chunks as the
// app's build makes them, and run in a child process that reports which of Node's modules it loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'rolldown';

const ONLY_FOR_LARGE_LOGS = ['crypto', 'zlib', 'v8', 'worker_threads'];

let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'flagdeck-cli-build-'));
  await build({
    input: join(__dirname, '../../../../src/main/cli.ts'),
    platform: 'node',
    logLevel: 'silent',
    output: { dir: out, format: 'esm' },
  });
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Node's own modules a command loaded, beyond those Node loads for any script. */
function builtinsLoadedBy(args: string[]): { loaded: string[]; stdout: string } {
  const report = [
    'const before = new Set(process.moduleLoadList);',
    "process.on('exit', () => process._rawDebug('LOADED ' + process.moduleLoadList",
    "  .filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13)).join(' ')));",
  ].join('\n');
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(report)}`, join(out, 'cli.js'), ...args],
    { encoding: 'utf8' },
  );
  const line = run.stderr.split('\n').find((text) => text.startsWith('LOADED ')) ?? '';
  return { loaded: line.slice('LOADED '.length).split(' '), stdout: run.stdout };
}

describe('flagdeck inspect on a small folder', () => {
  it('loads none of the modules only large logs need', () => {
    const folder = mkdtempSync(join(tmpdir(), 'flagdeck-small-'));
    const rows = Array.from({ length: 10 }, (_, i) => `prompt ${i},wrong,,2024-01-01 00:00:0${i}\n`);
    writeFileSync(join(folder, 'log.csv'), 'prompt,flag,username,timestamp\n' + rows.join(''));
    const { loaded, stdout } = builtinsLoadedBy(['inspect', folder, '--json']);
    expect(JSON.parse(stdout).logs[0].rows).toBe(10);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((name) => ONLY_FOR_LARGE_LOGS.includes(name))).toEqual([]);
  });
});

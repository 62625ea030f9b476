// A short command must not pay for what it does not use: each module below costs it milliseconds
// to load (4-7 ms each of Node's; zod's schemas 30-50 ms). The CLI is built with its lazy chunks as
// the app's build makes them, and run in a child process that reports what it loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'rolldown';

const ONLY_FOR_LARGE_LOGS = ['crypto', 'zlib', 'v8', 'worker_threads'];

let out: string;
let folder: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'flagdeck-cli-build-'));
  await build({
    input: join(__dirname, '../../../src/main/cli.ts'),
    platform: 'node',
    logLevel: 'silent',
    output: { dir: out, format: 'esm' },
  });
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'flagdeck-small-'));
  const rows = Array.from({ length: 10 }, (_, i) => `prompt ${i},wrong,,2024-01-01 00:00:0${i}\n`);
  writeFileSync(join(folder, 'log.csv'), 'prompt,flag,username,timestamp\n' + rows.join(''));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Loaded {
  /** Node's own modules the command loaded, beyond those Node loads for any script. */
  builtins: string[];
  /** Whether zod was loaded (it keeps its configuration on globalThis). */
  zod: boolean;
  stdout: string;
}

function loadedBy(args: string[]): Loaded {
  const report = [
    'const before = new Set(process.moduleLoadList);',
    "process.on('exit', () => process._rawDebug('LOADED ' + JSON.stringify({",
    "  builtins: process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13)),",
    "  zod: '__zod_globalConfig' in globalThis })));",
  ].join('\n');
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(report)}`, join(out, 'cli.js'), ...args],
    { encoding: 'utf8' },
  );
  const line = run.stderr.split('\n').find((text) => text.startsWith('LOADED ')) ?? 'LOADED {}';
  return { ...(JSON.parse(line.slice('LOADED '.length)) as Omit<Loaded, 'stdout'>), stdout: run.stdout };
}

describe('flagdeck inspect on a small folder', () => {
  it('loads none of the modules only large logs need', () => {
    const { builtins, stdout } = loadedBy(['inspect', folder, '--json']);
    expect(JSON.parse(stdout).logs[0].rows).toBe(10);
    expect(builtins.length).toBeGreaterThan(0);
    expect(builtins.filter((name) => ONLY_FOR_LARGE_LOGS.includes(name))).toEqual([]);
  });

  it('prints to a pipe without making process.stdout or process.stderr (each a socket there: net)', () => {
    const { builtins, stdout } = loadedBy(['inspect', folder, '--json']);
    expect(JSON.parse(stdout).logs[0].rows).toBe(10);
    expect(builtins).not.toContain('net');
  });

  it('takes node:fs without its ESM facade, which loads the stream classes (1-2 ms)', () => {
    const { builtins, stdout } = loadedBy(['inspect', folder, '--json']);
    expect(JSON.parse(stdout).logs[0].rows).toBe(10);
    expect(builtins).toContain('fs/promises');
    expect(builtins).not.toContain('stream');
  });
});

describe('flagdeck query', () => {
  it('loads zod only once there is review state to validate', () => {
    const unreviewed = loadedBy(['query', folder, '--status', 'unreviewed', '--json']);
    expect(JSON.parse(unreviewed.stdout).total).toBe(10);
    expect(unreviewed.zod).toBe(false);
    expect(unreviewed.builtins).not.toContain('net');

    const edit = spawnSync(
      process.execPath,
      [join(out, 'cli.js'), 'review', folder, '--set', 'log.csv#2', '--status', 'keep'],
      {
        encoding: 'utf8',
      },
    );
    expect(edit.status, edit.stderr).toBe(0);
    const reviewed = loadedBy(['query', folder, '--status', 'keep', '--json']);
    expect(JSON.parse(reviewed.stdout).total).toBe(1);
    expect(reviewed.zod).toBe(true);
  });
});

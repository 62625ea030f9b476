// `npm start`, its prestart and `flagdeck <folder>`: where the Electron binary cannot be had they
// stop within seconds with one message saying why and what to do instead; where it is there (a
// stand-in executable here) they start it on the folders given.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesFolders, openInDesktop } from '../../../src/main/cli/desktop';

const root = join(import.meta.dirname, '../../..');
let base: string;
let emptyDist: string;
let fakeDist: string;
let closedPort: number;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(command: string, args: string[], env: Record<string, string>, cwd = root): Promise<Run> {
  const started = Date.now();
  const clean = { ...process.env };
  delete clean.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete clean.ELECTRON_OVERRIDE_DIST_PATH;
  delete clean.INIT_CWD;
  const child = spawn(command, args, { cwd, env: { ...clean, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done) =>
    child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started })),
  );
}

async function freeClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-start-'));
  emptyDist = join(base, 'no-electron');
  await mkdir(emptyDist);
  // A stand-in Electron: records the arguments it was started with.
  fakeDist = join(base, 'fake-electron');
  await mkdir(fakeDist);
  await writeFile(join(fakeDist, 'electron'), '#!/bin/sh\nprintf "%s\\n" "$@" > "$FAKE_ELECTRON_LOG"\n');
  await chmod(join(fakeDist, 'electron'), 0o755);
  await mkdir(join(base, 'demo', 'flagged'), { recursive: true });
  closedPort = await freeClosedPort();
});

afterAll(() => rm(base, { recursive: true, force: true }));

const unreachable = () => ({
  ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
  ELECTRON_MIRROR: `http://127.0.0.1:${closedPort}/`,
  electron_config_cache: join(base, 'cache'),
});

describe('npm start without an Electron binary', () => {
  it('stops within seconds with one clear message and no stack trace', async () => {
    const result = await run('npm', ['start', '--silent'], unreachable());
    expect(result.code).not.toBe(0);
    expect(result.ms).toBeLessThan(15_000);
    const output = result.stdout + result.stderr;
    expect(output.match(/the desktop app cannot start/g)).toHaveLength(1);
    expect(output).toContain(`ECONNREFUSED 127.0.0.1:${closedPort}`);
    expect(output).toContain('npx flagdeck serve');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('Electron uninstall');
  });

  it('says so at once, without trying, when the download is switched off', async () => {
    const result = await run('node', ['scripts/ensure-electron.mjs'], {
      ...unreachable(),
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(result.stderr).toContain('npx flagdeck serve');
  });
});

describe.skipIf(process.platform === 'win32')('starting with an Electron binary present', () => {
  it('prestart passes silently', async () => {
    const result = await run('node', ['scripts/ensure-electron.mjs'], {
      ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
      ELECTRON_MIRROR: `http://127.0.0.1:${closedPort}/`,
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('starts the app on a folder named relative to where npm was run', async () => {
    const log = join(base, 'start-args.txt');
    const result = await run('node', ['scripts/start.mjs', '--built', 'flagged'], {
      ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
      FAKE_ELECTRON_LOG: log,
      INIT_CWD: join(base, 'demo'),
    });
    expect(result.code).toBe(0);
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([root, join(base, 'demo', 'flagged')]);
  });

  it('flagdeck <folder> opens the folder in the desktop app', async () => {
    const log = join(base, 'cli-args.txt');
    process.env.ELECTRON_OVERRIDE_DIST_PATH = fakeDist;
    process.env.FAKE_ELECTRON_LOG = log;
    try {
      expect(namesFolders([join(base, 'demo', 'flagged')])).toBe(true);
      expect(await openInDesktop([join(base, 'demo', 'flagged')], root)).toBe(0);
    } finally {
      delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
      delete process.env.FAKE_ELECTRON_LOG;
    }
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([root, join(base, 'demo', 'flagged')]);
  });

  it.skipIf(!existsSync(join(root, 'out', 'main', 'cli.js')))(
    'flagdeck <missing folder> says the folder is missing (needs `npm run build`)',
    async () => {
      const result = await run('node', ['bin/flagdeck.mjs', './no-such-flagged'], {});
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        'flagdeck: no such folder: ./no-such-flagged (flagdeck <folder> opens a folder in the desktop app)',
      );
    },
  );

  it('does not mistake a command or a missing folder for folders to open', () => {
    expect(namesFolders(['serve'])).toBe(false);
    expect(namesFolders([join(base, 'nope')])).toBe(false);
    expect(namesFolders([])).toBe(false);
  });
});

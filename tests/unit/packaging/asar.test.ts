// What `npm run dist` puts in the app, checked without the Electron download: electron-builder's
// `--dir` target with `electronDist` pointed at a stand-in folder still writes the real
// `app.asar`, `app.asar.unpacked` and resources. Slow (electron-builder walks node_modules):
// about 5-15 s.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
let base: string;
let resources: string;
let entries: string[];

function npx(args: string[]): void {
  const result = spawnSync('npx', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`npx ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

beforeAll(async () => {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) npx(['electron-vite', 'build']);
  base = await mkdtemp(join(tmpdir(), 'flagdeck-package-'));
  const standIn = join(base, 'electron-dist');
  await mkdir(standIn);
  await writeFile(join(standIn, 'electron'), '#!/bin/sh\n');
  await chmod(join(standIn, 'electron'), 0o755);
  npx([
    'electron-builder',
    '--linux',
    '--dir',
    `--config.electronDist=${standIn}`,
    `--config.directories.output=${join(base, 'dist')}`,
  ]);
  resources = join(base, 'dist', 'linux-unpacked', 'resources');
  entries = listPackage(join(resources, 'app.asar'), { isPack: false }).map((e) => e.replaceAll('\\', '/'));
}, 180_000);

afterAll(() => rm(base, { recursive: true, force: true }));

async function filesUnder(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the packaged app', () => {
  it('holds the main, preload and renderer bundles and the manifest', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/package.json',
      ]),
    );
    expect(entries.some((e) => /^\/out\/renderer\/assets\/index-[^/]+\.js$/.test(e))).toBe(true);
  });

  it('holds the runtime dependencies and no sources, tests, fixtures or dev dependencies', () => {
    for (const dependency of ['zod', 'chokidar', 'csv-parse', 'ws', 'sharp']) {
      expect(entries, dependency).toContain(`/node_modules/${dependency}/package.json`);
    }
    const strays = entries.filter(
      (e) =>
        /^\/(src|tests|bench|scripts|build|docs)\//.test(e) ||
        /^\/node_modules\/(electron|electron-vite|electron-builder|vitest|vite|react|react-dom|typescript|eslint|prettier|@playwright|playwright|fast-check|@electron\/asar)\//.test(
          e,
        ) ||
        e.endsWith('.map'),
    );
    expect(strays).toEqual([]);
  });

  it("ships the sample folder beside the app, and sharp's native files outside the archive", async () => {
    expect(existsSync(join(resources, 'sample', 'dataset1.csv'))).toBe(true);
    const unpacked = await filesUnder(join(resources, 'app.asar.unpacked'));
    const native = unpacked.filter((file) => file.endsWith('.node'));
    expect(native.length).toBeGreaterThan(0);
    expect(native.every((file) => /node_modules[/\\]@img[/\\]sharp-/.test(file))).toBe(true);
    // The archive's header still lists them, marked as living outside it.
    const archive = join(resources, 'app.asar');
    const isUnpacked = (entry: string): boolean => {
      const node = statFile(archive, entry.slice(1));
      return 'unpacked' in node && node.unpacked === true;
    };
    const packed = entries.filter((e) => e.endsWith('.node') && !isUnpacked(e));
    expect(packed).toEqual([]);
  });
});

describe('the built bundles the window loads', () => {
  it('the sandboxed preload needs no module but electron', async () => {
    const preload = await readFile(join(root, 'out', 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/\bimport\s/);
  });

  it('the page has a strict Content-Security-Policy: own scripts only, no eval, no remote content', async () => {
    const html = await readFile(join(root, 'out', 'renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    // Connections go to the page's own origin only (the serve page's WebSocket is same-origin).
    expect(directives.get('connect-src')).toEqual(["'self'", 'flagdeck-media:']);
  });
});

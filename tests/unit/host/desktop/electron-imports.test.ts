// The house rule, checked on the files themselves (lint checks it too): under src/main only the
// desktop host imports `electron`, and the renderer and shared code never do.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '../../../../src');
const importsElectron = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

async function importers(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sources(dir)) {
    if (importsElectron.test(await readFile(file, 'utf8')))
      found.push(relative(src, file).split(sep).join('/'));
  }
  return found.sort();
}

describe('who imports electron', () => {
  it('under src/main: the desktop host only', async () => {
    const found = await importers(join(src, 'main'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((file) => !file.startsWith('main/host/desktop/'))).toEqual([]);
  });

  it('never the renderer or the shared contract', async () => {
    expect(await importers(join(src, 'renderer'))).toEqual([]);
    expect(await importers(join(src, 'shared'))).toEqual([]);
  });

  it('recognises every form of import', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { App } from "electron";',
      "const e = require('electron');",
      "await import('electron');",
      "import 'electron';",
      "import { x } from 'electron/main';",
    ]) {
      expect(importsElectron.test(line), line).toBe(true);
    }
    expect(importsElectron.test("import { x } from 'electron-vite';")).toBe(false);
  });
});

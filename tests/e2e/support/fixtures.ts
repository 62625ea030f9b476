// Playwright fixtures: one `flagdeck serve` per worker (per spec file with `workers: 1`), serving
// the folders named by `test.use({ serveFolders })`, optionally as writable temp copies.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { copyFolder, removeCopy } from './folders';
import { startServe, type ServeHandle } from './serve';

export interface Server extends ServeHandle {
  /** The folders actually served (the temp copies when `serveCopies` is set). */
  folders: string[];
}

interface WorkerFixtures {
  /** Folders to open; empty = `flagdeck serve` with no folder (the bundled sample). */
  serveFolders: string[];
  /**
   * Serve temp copies instead of the originals (default). Flagdeck never writes Gradio's files,
   * but it keeps its journal and thumbnails beside them (`.flagdeck/`), and a test running as root
   * could write into the shared real-world folders, which must stay as they are.
   */
  serveCopies: boolean;
  /** Extra `flagdeck serve` arguments (e.g. `--allow-open-anywhere` for tests opening temp folders by path). */
  serveArgs: string[];
  /** Extra environment of `flagdeck serve` (e.g. NODE_OPTIONS loading a fault into it). */
  serveEnv: Record<string, string>;
  server: Server;
}

export const test = base.extend<object, WorkerFixtures>({
  serveFolders: [[], { option: true, scope: 'worker' }],
  serveCopies: [true, { option: true, scope: 'worker' }],
  serveArgs: [[], { option: true, scope: 'worker' }],
  serveEnv: [{}, { option: true, scope: 'worker' }],
  server: [
    async ({ serveFolders, serveCopies, serveArgs, serveEnv }, use) => {
      const folders = serveCopies ? await Promise.all(serveFolders.map(copyFolder)) : serveFolders;
      const handle = await startServe(folders, { args: serveArgs, env: serveEnv });
      try {
        await use({ ...handle, folders });
      } finally {
        await handle.stop();
        if (serveCopies) await Promise.all(folders.map(removeCopy));
      }
    },
    { scope: 'worker' },
  ],
});

type ServedFixture = [
  (args: object, use: (server: Server) => Promise<void>) => Promise<void>,
  { scope: 'worker'; timeout: number },
];

/**
 * A worker fixture serving one folder that a spec writes itself (`make` returns its path, inside a
 * temp folder of its own), removed with that temp folder after: a 100,000-row log, say.
 */
export function writtenFolderServed(make: () => Promise<string>): ServedFixture {
  return [
    // Playwright reads a fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = await make();
      const handle = await startServe([dir]);
      try {
        await use({ ...handle, folders: [dir] });
      } finally {
        await handle.stop();
        await rm(join(dir, '..'), { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ];
}

export { expect };

// Bundles a TypeScript entry (and everything it imports) into an .mjs (and its chunks) that a plain `node` child
// process can run: the crash and concurrency tests need real processes, killed for real.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'rolldown';

export interface Bundle {
  file: string;
  remove(): Promise<void>;
}

export async function bundle(entry: string): Promise<Bundle> {
  const dir = await mkdtemp(join(tmpdir(), 'flagdeck-bundle-'));
  const file = join(dir, `${basename(entry, '.ts')}.mjs`);
  // A directory, not one file: modules loaded lazily (zod's schemas) become chunks of their own.
  await build({
    input: entry,
    platform: 'node',
    logLevel: 'silent',
    output: { dir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
  });
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

// Bundles a TypeScript entry (and everything it imports) into one .mjs that a plain `node` child
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
  await build({ input: entry, platform: 'node', logLevel: 'silent', output: { file, format: 'esm' } });
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

// Where the e2e tests find the app and their fixtures.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** A path under `tests/fixtures/` (e.g. `fixture('gradio', '5.49.1', 'image_label')`). */
export const fixture = (...parts: string[]): string => resolve(repoRoot, 'tests/fixtures', ...parts);

/** The bundled sample folder `flagdeck serve` opens when given no folder. */
export const bundledFolder = resolve(repoRoot, 'resources/sample');

const realWorldRoot = resolve(process.env.FLAGDECK_REAL_WORLD ?? resolve(repoRoot, '../shared/real-world'));

/** A folder of `../shared/real-world/` (override the root with FLAGDECK_REAL_WORLD). */
export const realWorld = (...parts: string[]): string => resolve(realWorldRoot, ...parts);

/** Why tests of the real-world corpus are skipped in a clone without it, or null when it is there. */
export const realWorldMissing: string | null = existsSync(join(realWorldRoot, 'MANIFEST.md'))
  ? null
  : `no real-world corpus at ${realWorldRoot} (set FLAGDECK_REAL_WORLD)`;

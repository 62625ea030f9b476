// Where the e2e tests find the app and their fixtures.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** A path under `tests/fixtures/` (e.g. `fixture('gradio', '5.49.1', 'image_label')`). */
export const fixture = (...parts: string[]): string => resolve(repoRoot, 'tests/fixtures', ...parts);

/** The bundled sample folder `flagdeck serve` opens when given no folder. */
export const sampleFolder = fixture('sample');

/** A folder of `../shared/real-world/` (override the root with FLAGDECK_REAL_WORLD). */
export const realWorld = (...parts: string[]): string =>
  resolve(process.env.FLAGDECK_REAL_WORLD ?? resolve(repoRoot, '../shared/real-world'), ...parts);

// Every Gradio era pushed and read back: the components_inputs fixture of each generated version
// (images and audio mixed: Parquet) and a real-world folder, pushed with pushSelection to the
// local Hub, loaded by real `datasets` through HF_ENDPOINT with as many rows as were written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushSelection } from '../../../../src/main/export/hub';
import type { HubServer } from '../../../support/hub-server';
import { VERSIONS } from '../fixture-cases';
import { NO_PYTHON, python } from '../python';
import { FIXTURES, openWorld } from '../support';
import { pythonHub, type HubDataset } from './python-hub';
import { startTestHub, WRITE_TOKEN } from './staging';

let hub: HubServer;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const REAL_WORLD = join(import.meta.dirname, '../../../../../shared/real-world');

// Gradio 3 and 4 write `flagged/`, Gradio 5 and 6 `.gradio/flagged/`.
const cases = VERSIONS.map((version) => ({
  name: `gradio ${version}`,
  folder: join(
    FIXTURES,
    version,
    'components_inputs',
    Number(version[0]) < 5 ? 'flagged' : '.gradio/flagged',
  ),
}));

describe.skipIf(!python)(
  `push of every Gradio era, read by datasets${python ? '' : ` (skipped: ${NO_PYTHON})`}`,
  () => {
    it.each(cases)('$name', async ({ name, folder }) => {
      const world = await openWorld([folder]);
      try {
        const repo = `alice/${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
        const result = await pushSelection(
          world.ws,
          {
            selection: { filter: {}, statuses: ['any'] },
            format: 'parquet',
            privacy: { username: 'keep', stripExif: false },
            repo,
            private: true,
            hubUrl: hub.url,
          },
          { token: { token: WRITE_TOKEN, source: 'HF_TOKEN' }, keyFile: join(world.base, 'key') },
        );
        expect(result.rows).toBeGreaterThan(0);
        const read = await pythonHub<HubDataset>(hub.url, WRITE_TOKEN, ['load', repo]);
        expect(read.rows).toHaveLength(result.rows);
        expect(Object.values(read.features)).toContain('Image');
      } finally {
        await world.close();
      }
    });

    it.skipIf(!existsSync(REAL_WORLD))('a real-world folder', async () => {
      const folder = join(REAL_WORLD, 'Aditya-0009__Deepfake-image-detection/.gradio/flagged');
      const world = await openWorld([folder]);
      try {
        const summaryRows = (await world.ws.facets({})).total;
        const result = await pushSelection(
          world.ws,
          {
            selection: { filter: {}, statuses: ['any'] },
            format: 'parquet',
            privacy: { username: 'drop', stripExif: true },
            repo: 'alice/real-world',
            private: true,
            hubUrl: hub.url,
          },
          { token: { token: WRITE_TOKEN, source: 'HF_TOKEN' }, keyFile: join(world.base, 'key') },
        );
        expect(result.rows + result.skipped.length).toBe(summaryRows);
        const read = await pythonHub<HubDataset>(hub.url, WRITE_TOKEN, ['load', 'alice/real-world']);
        expect(read.rows).toHaveLength(result.rows);
      } finally {
        await world.close();
      }
    });
  },
);

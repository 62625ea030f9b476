// The real services behind both hosts, wired together: open a copy of a Gradio 5.50.0 folder,
// query it, review a sample and see the change as an event, in the next query, and on disk.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/api';
import { createApp, type App } from '../../../src/main/app/compose';
import { webHostServices } from '../../../src/main/app/host-services';
import { createServices } from '../../../src/main/app/services';

const source = join(import.meta.dirname, '../../fixtures/gradio/5.50.0/flagging_options/.gradio/flagged');
let base: string;
let root: string;
let app: App;
const events: { event: EventName; payload: unknown }[] = [];

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-services-'));
  root = join(base, 'flagged');
  await cp(source, root, { recursive: true });
  app = await createApp({
    dataDir: join(base, 'data'),
    host: webHostServices('t'),
    services: createServices,
    reviewer: 'tester',
  });
  app.events.subscribe((event, payload) => events.push({ event, payload }));
  await app.open([root]);
});

afterAll(async () => {
  await app.close();
  await rm(base, { recursive: true, force: true });
});

describe('services wired for the hosts', () => {
  it('opens the folder, remembers it, and pages its rows', async () => {
    const info = await ok<{ folders: { path: string; logs: { file: string }[] }[] }>(
      app.dispatch('workspace.info', {}),
    );
    expect(info.folders.map((f) => [f.path, f.logs.map((l) => l.file)])).toEqual([[root, ['dataset1.csv']]]);
    expect(await ok(app.dispatch('workspace.recent', {}))).toEqual({ paths: [root] });
    const page = await ok<{ total: number; rows: { originalReason: string | null }[] }>(
      app.dispatch('samples.query', { filter: { reasons: ['wrong'] }, offset: 0, limit: 10 }),
    );
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.originalReason)).toEqual(['wrong', 'wrong']);
  });

  it('records a review edit in the journal, emits it, and shows it in queries', async () => {
    const { rows } = await ok<{ rows: { folderId: string; id: string }[] }>(
      app.dispatch('samples.query', { offset: 0, limit: 1 }),
    );
    const ref = { folderId: rows[0].folderId, id: rows[0].id };
    const edit = await ok<{ count: number }>(
      app.dispatch('review.edit', {
        targets: { samples: [ref] },
        patch: { status: 'drop', note: 'wrong sum' },
      }),
    );
    expect(edit.count).toBe(1);
    expect(events.some((e) => e.event === 'reviewChanged')).toBe(true);
    const dropped = await ok<{ total: number; rows: { id: string; review: { note: string } }[] }>(
      app.dispatch('samples.query', { filter: { statuses: ['drop'] }, offset: 0, limit: 10 }),
    );
    expect(dropped.rows.map((r) => [r.id, r.review.note])).toEqual([[ref.id, 'wrong sum']]);
    expect(await readFile(join(root, '.flagdeck', 'journal.jsonl'), 'utf8')).toContain('wrong sum');
    expect(await ok(app.dispatch('review.undo', {}))).toMatchObject({ editId: expect.any(String) });
  });

  it('offers the log’s flag options and caches thumbnails beside the journal', async () => {
    const { rows } = await ok<{ rows: { folderId: string; cells: { assets: { path?: string }[] }[] }[] }>(
      app.dispatch('samples.query', { offset: 0, limit: 10 }),
    );
    const folderId = rows[0].folderId;
    const options = await ok<{ fromLogs: string[] }>(app.dispatch('review.options', { folderId }));
    expect(options.fromLogs).toEqual(['offensive', 'other', 'wrong']);
    const image = rows.flatMap((r) => r.cells.flatMap((c) => c.assets)).find((a) => a.path);
    const thumb = await app.media.respond({ kind: 'thumb', folderId, path: image?.path ?? '', width: 64 });
    thumb.body?.destroy();
    expect(thumb.status).toBe(200);
    expect(await readdir(join(root, '.flagdeck', 'thumbs'))).toHaveLength(1);
  });
});

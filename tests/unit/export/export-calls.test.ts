// The export calls as both hosts serve them (the real services behind the shared dispatch):
// a summary, a started job reporting progress then its result as events, what is refused at
// once (an existing output, an empty selection), and a cancel.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, EventName, EventPayload } from '../../../src/shared/api';
import { createApp, type App } from '../../../src/main/app/compose';
import { webHostServices } from '../../../src/main/app/host-services';
import { createServices } from '../../../src/main/app/services';
import { FIXTURES } from './support';

let base: string;
let root: string;
let app: App;
const events: { event: EventName; payload: unknown }[] = [];

async function ok<T>(promise: Promise<CallResult>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function finished(jobId: string): Promise<EventPayload<'exportFinished'>> {
  return new Promise((resolve) => {
    const off = app.events.subscribe((event, payload) => {
      const done = payload as EventPayload<'exportFinished'>;
      if (event === 'exportFinished' && done.jobId === jobId) {
        off();
        resolve(done);
      }
    });
  });
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-export-calls-'));
  root = join(base, 'flagged');
  await cp(join(FIXTURES, '5.50.0/components_inputs/.gradio/flagged'), root, {
    recursive: true,
    preserveTimestamps: true,
  });
  app = await createApp({
    dataDir: join(base, 'data'),
    host: webHostServices('t'),
    services: createServices,
    reviewer: 'tester',
  });
  app.events.subscribe((event, payload) => events.push({ event, payload }));
  await app.open([root]);
  const { rows } = await ok<{ rows: { folderId: string; id: string }[] }>(
    app.dispatch('samples.query', { offset: 0, limit: 2 }),
  );
  await ok(
    app.dispatch('review.edit', { targets: { samples: rows }, patch: { status: 'keep', reason: 'good' } }),
  );
});

afterAll(async () => {
  await app.close();
  await rm(base, { recursive: true, force: true });
});

describe('export calls', () => {
  it('summarizes the kept samples: counts per status and label, layout', async () => {
    const summary = await ok<Record<string, unknown>>(app.dispatch('export.summary', {}));
    // Quick whatever the rows: no file is counted here (`export.files` does that).
    expect(summary).not.toHaveProperty('assetFiles');
    expect(summary).toMatchObject({
      samples: 2,
      byStatus: { keep: 2 },
      byReason: [{ reason: 'good', count: 2 }],
      workspaceByStatus: { keep: 2, unreviewed: 2 },
      imageColumns: ['image'],
      audioColumns: ['audio'],
      suggestedFormat: 'parquet',
    });
  });

  it("counts the kept samples' files apart (every row is read for them)", async () => {
    const files = await ok<Record<string, unknown>>(app.dispatch('export.files', {}));
    expect(Object.keys(files).sort()).toEqual(['assetBytes', 'assetFiles', 'assetsMissing']);
    expect(files.assetsMissing).toBe(0);
    expect(files.assetFiles).toBeGreaterThan(4);
    expect(files.assetBytes).toBeGreaterThan(1000);
    // Asked twice at once, the selection is read once: both get the same answer.
    const [a, b] = await Promise.all([
      ok<Record<string, unknown>>(app.dispatch('export.files', { statuses: ['any'] })),
      ok<Record<string, unknown>>(app.dispatch('export.files', { statuses: ['any'] })),
    ]);
    expect(a).toEqual(b);
    expect(a.assetFiles).toBeGreaterThan(files.assetFiles as number);
  });

  it('runs an export as a job: progress events, then the result', async () => {
    const out = join(base, 'out');
    const { jobId } = await ok<{ jobId: string }>(
      app.dispatch('export.start', { selection: {}, target: { kind: 'folder', format: 'parquet', out } }),
    );
    const done = await finished(jobId);
    expect(done.result).toMatchObject({ rows: 2, out, skipped: [] });
    const progress = events
      .filter((e) => e.event === 'exportProgress')
      .map((e) => e.payload as EventPayload<'exportProgress'>);
    expect(progress.filter((p) => p.jobId === jobId).at(-1)).toMatchObject({ done: 2, total: 2 });
    expect(await readdir(out)).toEqual(['README.md', 'data']);
  });

  it('refuses at once an existing output, and an empty selection with the counts', async () => {
    const taken = await ok<{ jobId: string }>(
      app.dispatch('export.start', {
        selection: {},
        target: { kind: 'folder', format: 'gradio', out: join(base, 'again') },
      }),
    );
    await finished(taken.jobId);
    const again = await app.dispatch('export.start', {
      selection: {},
      target: { kind: 'folder', format: 'gradio', out: join(base, 'again') },
    });
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringContaining('already exists') } });
    const empty = await app.dispatch('export.start', {
      selection: { statuses: ['drop'] },
      target: { kind: 'folder', format: 'gradio', out: join(base, 'empty') },
    });
    expect(empty).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no samples to export with status drop') },
    });
    if (!empty.ok) expect(empty.error.message).toContain('2 keep, 0 drop, 0 unsure, 2 unreviewed');
  });

  it('checks the target against the contract', async () => {
    const bad = await app.dispatch('export.start', {
      selection: {},
      target: { kind: 'folder', format: 'zip', out: 'x' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('cancels a running job: it finishes as cancelled and leaves no folder', async () => {
    const out = join(base, 'cancelled');
    const { jobId } = await ok<{ jobId: string }>(
      app.dispatch('export.start', {
        selection: { statuses: ['any'] },
        target: { kind: 'folder', format: 'gradio', out },
      }),
    );
    await ok(app.dispatch('export.cancel', { jobId }));
    const done = await finished(jobId);
    expect(done.cancelled).toBe(true);
    expect((await readdir(base)).filter((name) => name.includes('cancelled'))).toEqual([]);
  });
});

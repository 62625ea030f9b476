import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName } from '../../../src/shared/api';
import type { WorkspaceInfo } from '../../../src/shared/model';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { MemoryReviewStore } from './memory-review-store';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../support/real-world';

const HEADER = 'prompt,image,output,flag,username,timestamp\r\n';

function row(i: number): string {
  const reason = ['', 'wrong', 'offensive'][i % 3];
  const user = i % 4 === 0 ? 'ann' : '';
  const prompt = i === 7 ? '"a Zebra, with\nstripes"' : `prompt ${i}`;
  const label = `"{""label"": ""${i % 2 ? 'cat' : 'dog'}""}"`;
  return `${prompt},flagged/image/0123456789abcdef0123/img.png,${label},${reason},${user},2024-05-0${1 + (i % 3)} 10:00:${String(i).padStart(2, '0')}.000001\r\n`;
}

function folder(rows: number): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-ws-'));
  mkdirSync(join(root, 'image/0123456789abcdef0123'), { recursive: true });
  writeFileSync(join(root, 'image/0123456789abcdef0123/img.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(root, 'log.csv'), HEADER + Array.from({ length: rows }, (_, i) => row(i + 1)).join(''));
  return root;
}

const open: Workspace[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
});

function workspace(store = new MemoryReviewStore()) {
  const events: { event: EventName; payload: unknown }[] = [];
  const ws = createWorkspace({
    emit: (event, payload) => events.push({ event, payload }),
    reviewStoreFor: async () => store,
    follow: false,
    log: (message) => console.error(message),
  });
  open.push(ws);
  return { ws, events, store };
}

describe('Workspace', () => {
  it('opens a folder, indexes its log and pages through it', async () => {
    const { ws, events } = workspace();
    const info = await ws.open([folder(30)]);
    await ws.whenIndexed();
    const [opened] = ws.info().folders;
    expect(info.folders).toHaveLength(1);
    expect(opened.logs[0]).toMatchObject({ file: 'log.csv', layout: 'csv-logger', rows: 30 });
    const page = await ws.query({ filter: {}, offset: 5, limit: 3 });
    expect(page.total).toBe(30);
    expect(page.rows.map((r) => r.id)).toEqual(['log.csv#6', 'log.csv#7', 'log.csv#8']);
    const seventh = page.rows[1];
    expect(seventh.cells[0].text).toBe('a Zebra, with\nstripes');
    expect(seventh.line).toBe(8);
    expect(page.rows[2].line).toBe(10);
    expect(seventh.originalReason).toBe('wrong');
    expect(seventh.timestamp).toBe('2024-05-02 10:00:07.000001');
    expect(seventh.cells[1].assets[0]).toMatchObject({
      status: 'resolved',
      path: 'image/0123456789abcdef0123/img.png',
    });
    expect(seventh.rowHash).toMatch(/^[0-9a-f]{16}$/);
    expect(events.some((e) => e.event === 'workspaceChanged')).toBe(true);
  });

  it('numbers its snapshots, so a reply that arrives late is known to be older', async () => {
    const { ws, events } = workspace();
    const opened = await ws.open([folder(3), folder(4)]);
    await ws.whenIndexed();
    const closed = await ws.close(opened.folders[0].id);
    expect(closed.revision).toBeGreaterThan(opened.revision);
    const changes = events
      .filter((e) => e.event === 'workspaceChanged')
      .map((e) => e.payload as WorkspaceInfo);
    const revisions = changes.map((c) => c.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(ws.info().revision).toBeGreaterThan(Math.max(closed.revision, ...revisions));
  });

  it('numbers its snapshots above those of a run before it (a page left open across a restart)', async () => {
    const { ws: before } = workspace();
    let last = 0;
    // Far more snapshots than a run makes in its first 5 ms (a few a second).
    for (let i = 0; i < 200; i++) last = before.info().revision;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { ws: after } = workspace();
    expect(after.info().revision).toBeGreaterThan(last);
    expect(Number.isSafeInteger(last)).toBe(true);
  });

  it('filters by reason, username, time range, text and column value, and sorts', async () => {
    const { ws } = workspace();
    await ws.open([folder(30)]);
    await ws.whenIndexed();
    const ids = async (filter: object, sort?: { by: string; dir: 'asc' | 'desc' }) =>
      (await ws.query({ filter, sort, offset: 0, limit: 100 })).rows.map((r) => r.ordinal);
    expect(await ids({ reasons: ['wrong'] })).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);
    expect(await ids({ reasons: [null] })).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
    expect(await ids({ usernames: ['ann'] })).toEqual([4, 8, 12, 16, 20, 24, 28]);
    expect(await ids({ from: '2024-05-03', to: '2024-05-03' })).toEqual([
      2, 5, 8, 11, 14, 17, 20, 23, 26, 29,
    ]);
    expect(await ids({ text: 'zebra' })).toEqual([7]);
    expect(await ids({ text: 'ZEBRA, WITH' })).toEqual([7]);
    expect(await ids({ columns: [{ column: 'prompt', values: ['prompt 3', 'prompt 5'] }] })).toEqual([3, 5]);
    expect((await ids({ reasons: ['offensive'] }, { by: 'timestamp', dir: 'desc' })).slice(0, 3)).toEqual([
      29, 26, 23,
    ]);
    const byReason = await ids({}, { by: 'reason', dir: 'asc' });
    expect(byReason.slice(0, 10)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
    expect(byReason.slice(10, 12)).toEqual([2, 5]);
    const byPrompt = await ids({ usernames: ['ann'] }, { by: 'prompt', dir: 'asc' });
    // Text order: "prompt 12" < … < "prompt 28" < "prompt 4" < "prompt 8".
    expect(byPrompt).toEqual([12, 16, 20, 24, 28, 4, 8]);
  });

  it('filters and sorts on review state, and counts facets', async () => {
    const store = new MemoryReviewStore();
    const { ws } = workspace(store);
    const [opened] = (await ws.open([folder(12)])).folders;
    await ws.whenIndexed();
    const samples = await ws.identify(opened.id, ['log.csv#2', 'log.csv#3']);
    expect(samples[0]).toMatchObject({ id: 'log.csv#2', originalReason: 'offensive' });
    await store.edit(samples, { status: 'drop', reason: 'spam', note: 'Bad Pixels' }, 'test');
    const dropped = await ws.query({ filter: { statuses: ['drop'] }, offset: 0, limit: 10 });
    expect(dropped.rows.map((r) => r.id)).toEqual(['log.csv#2', 'log.csv#3']);
    expect(dropped.rows[0].review).toMatchObject({ status: 'drop', reason: 'spam' });
    expect((await ws.query({ filter: { reasons: ['spam'] }, offset: 0, limit: 10 })).total).toBe(2);
    expect((await ws.query({ filter: { originalReasons: ['offensive'] }, offset: 0, limit: 10 })).total).toBe(
      4,
    );
    expect((await ws.query({ filter: { text: 'bad pixels' }, offset: 0, limit: 10 })).total).toBe(2);
    const facets = await ws.facets({});
    expect(facets.total).toBe(12);
    expect(facets.byStatus).toMatchObject({ unreviewed: 10, drop: 2, keep: 0 });
    expect(facets.byReason).toContainEqual({ reason: 'spam', count: 2 });
    expect(facets.byLog).toEqual([{ key: `${opened.id}/log.csv`, count: 12 }]);
    const matching = await ws.matching({ statuses: ['drop'] });
    expect(matching.get(opened.id)?.map((s) => s.id)).toEqual(['log.csv#2', 'log.csv#3']);
    expect(ws.flagValues(opened.id).sort()).toEqual([null, 'offensive', 'wrong'].sort());
    const bySample = await ws.get({ folderId: opened.id, id: 'log.csv#3' });
    expect(bySample.review.note).toBe('Bad Pixels');
    await expect(ws.get({ folderId: opened.id, id: 'log.csv#99' })).rejects.toThrow(/no sample "log.csv#99"/);
  });

  it.skipIf(realWorldMissing)(needsRealWorld('opens every log of a real folder'), async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-real-'));
    cpSync(join(REAL_WORLD, 'Abhishek708844__Health-companion/.gradio/flagged'), root, {
      recursive: true,
    });
    const { ws } = workspace();
    await ws.open([root]);
    await ws.whenIndexed();
    const logs = ws.info().folders[0].logs;
    expect(logs.map((l) => [l.file, l.rows])).toEqual([
      ['dataset1.csv', 2],
      ['dataset2.csv', 4],
    ]);
    const page = await ws.query({
      filter: { logs: [`${ws.info().folders[0].id}/dataset2.csv`] },
      offset: 0,
      limit: 10,
    });
    expect(page.rows).toHaveLength(4);
    expect(page.rows[0].cells.some((c) => c.assets.some((a) => a.status === 'resolved'))).toBe(true);
    const byTime = await ws.query({
      filter: {},
      sort: { by: 'timestamp', dir: 'desc' },
      offset: 0,
      limit: 10,
    });
    const times = byTime.rows.map((r) => r.timestamp ?? '');
    expect(byTime.total).toBe(6);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(byTime.rows.map((r) => r.log))).toEqual(new Set(['dataset1.csv', 'dataset2.csv']));
    const filtered = await ws.query({
      filter: { logs: [`${ws.info().folders[0].id}/dataset1.csv`] },
      sort: { by: 'timestamp', dir: 'asc' },
      offset: 0,
      limit: 10,
    });
    expect(filtered.rows.map((r) => r.id)).toEqual(['dataset1.csv#1', 'dataset1.csv#2']);
    // A filter across both logs walks the cached order: same rows as filtering the sorted list.
    const cut = times[2];
    const later = await ws.query({
      filter: { from: cut },
      sort: { by: 'timestamp', dir: 'desc' },
      offset: 0,
      limit: 10,
    });
    expect(later.rows.map((r) => r.id)).toEqual(
      byTime.rows.filter((r) => (r.timestamp ?? '') >= cut).map((r) => r.id),
    );
    expect(later.total).toBeLessThan(6);
  });
});

describe('workspaceHandlers', () => {
  it('answers the workspace and samples calls, and gives the review its targets', async () => {
    const { ws } = workspace();
    const { workspaceHandlers, reviewTargets } = await import('../../../src/main/workspace/workspace-calls');
    const handlers = workspaceHandlers(ws);
    const root = folder(5);
    const [opened] = (await handlers['workspace.open']({ paths: [root] })).folders;
    await ws.whenIndexed();
    expect((await handlers['workspace.info']({})).folders[0].logs[0].rows).toBe(5);
    const page = await handlers['samples.query']({ filter: {}, offset: 0, limit: 2 });
    expect(page.rows.map((r) => r.id)).toEqual(['log.csv#1', 'log.csv#2']);
    expect((await handlers['samples.get']({ folderId: opened.id, id: 'log.csv#5' })).ordinal).toBe(5);
    expect((await handlers['samples.facets']({ filter: {} })).total).toBe(5);
    const targets = reviewTargets(ws);
    const [one] = await targets.identify(opened.id, ['log.csv#1']);
    expect(targets.rowHash?.(opened.id, 'log.csv#1')).toBe(one.rowHash);
    expect((await handlers['workspace.close']({ folderId: opened.id })).folders).toEqual([]);
  });
});

describe('JSON-lines logs', () => {
  it('indexes the HF saver per-sample metadata.jsonl files through the reader', async () => {
    const source = join(__dirname, '../../fixtures/gradio/4.44.1/hf_saver_dirs/flagged');
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-jsonl-'));
    cpSync(source, root, { recursive: true, preserveTimestamps: true });
    const { ws } = workspace();
    await ws.open([root]);
    await ws.whenIndexed();
    const logs = ws.info().folders[0].logs.filter((l) => l.file.endsWith('metadata.jsonl'));
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((l) => l.rows === 1)).toBe(true);
    const page = await ws.query({
      filter: { logs: [`${ws.info().folders[0].id}/${logs[0].file}`] },
      offset: 0,
      limit: 5,
    });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0].cells.length).toBeGreaterThan(1);
  });
});

// The table's `replay` column and its filter: every row carries its outcome in the folder's latest
// run (or the run chosen), and the `replay` filter selects by outcome through the query engine, so
// pages, facets and bulk edits over "changed" all see the same samples.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordHash } from '../../../src/main/gradio/record-hash';
import { until } from '../../support/until';
import { RunMarks } from '../../../src/main/replay/run-marks';
import { newRunId, RunStore } from '../../../src/main/replay/run-store';
import { locateReview } from '../../../src/main/review/location';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import type { SampleFilter } from '../../../src/shared/api';
import type { ReplayOutcome } from '../../../src/shared/replay';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const HEADER = 'text,output,flag,username,timestamp';
const line = (i: number, text = `in ${i}`) => `${text},out ${i},,,2024-01-01 10:00:00`;
const logText = (lines: string[]) => `${[HEADER, ...lines].join('\r\n')}\r\n`;
const numbered = (rows: number) => Array.from({ length: rows }, (_, i) => line(i + 1));

/** The row hash a replay stores for `log.csv#<n>` of the log as openFolder writes it. */
const hashOf = (id: string, text?: string) => {
  const n = Number(id.split('#')[1]);
  return recordHash(Buffer.from(line(n, text)));
};

async function openFolder(
  rows: number,
  options: { follow?: boolean; events?: string[] } = {},
): Promise<{ ws: Workspace; root: string; reviewDir: string; marks: RunMarks }> {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-marks-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'flagdeck-marks-data-'));
  writeFileSync(join(root, 'log.csv'), logText(numbered(rows)));
  const marks = new RunMarks(dataDir);
  const ws = createWorkspace({
    emit: (event) => void options.events?.push(event),
    follow: options.follow ?? false,
    replayMarks: marks,
  });
  cleanup.push(async () => {
    await ws.dispose();
    await rm(root, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });
  await ws.open([root]);
  await ws.whenIndexed();
  return { ws, root, reviewDir: (await locateReview(root, { dataDir })).dir, marks };
}

async function storeRun(
  reviewDir: string,
  day: number,
  outcomes: Record<string, ReplayOutcome>,
): Promise<{ run: string; store: RunStore }> {
  const run = newRunId(new Date(Date.UTC(2026, 0, day)));
  const store = await RunStore.create(reviewDir, {
    run,
    folder: 'unused',
    app: 'http://127.0.0.1:1',
    endpoint: '/predict',
    gradioVersion: null,
    mapping: { inputs: {}, outputs: {} },
    samples: Object.keys(outcomes),
    concurrency: 1,
    startedAt: new Date().toISOString(),
    endedAt: null,
    state: 'finished',
  });
  for (const [id, outcome] of Object.entries(outcomes)) await append(store, id, outcome);
  return { run, store };
}

const append = (store: RunStore, id: string, outcome: ReplayOutcome, rowHash = hashOf(id)) =>
  store.append({ id, rowHash, outcome, outputs: [], durationMs: 1, at: new Date().toISOString() });

async function idsOf(ws: Workspace, filter: SampleFilter): Promise<string[]> {
  const folderId = ws.info().folders[0].id;
  const page = await ws.query({ filter: { ...filter, folderIds: [folderId] }, offset: 0, limit: 100 });
  return page.rows.map((row) => row.id);
}

describe('the replay column and filter', () => {
  it("shows each row's outcome in the latest run, and filters on it", async () => {
    const { ws, reviewDir } = await openFolder(6);
    await storeRun(reviewDir, 1, { 'log.csv#1': 'changed', 'log.csv#2': 'changed' });
    const { run } = await storeRun(reviewDir, 2, {
      'log.csv#1': 'same',
      'log.csv#2': 'changed',
      'log.csv#3': 'error',
      'log.csv#4': 'skipped',
      'log.csv#5': 'changed',
    });
    const page = await ws.query({ filter: {}, offset: 0, limit: 10 });
    expect(page.rows.map((row) => row.replay?.outcome ?? '')).toEqual([
      'same',
      'changed',
      'error',
      'skipped',
      'changed',
      '',
    ]);
    expect(page.rows[0].replay?.run).toBe(run);
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual(['log.csv#2', 'log.csv#5']);
    expect(await idsOf(ws, { replay: { outcomes: ['same', 'error'] } })).toEqual(['log.csv#1', 'log.csv#3']);
    expect(await idsOf(ws, { replay: { outcomes: ['none'] } })).toEqual(['log.csv#6']);
    // Combined with another filter, and in the counts the filter bar shows.
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] }, text: 'in 5' })).toEqual(['log.csv#5']);
    expect((await ws.facets({ replay: { outcomes: ['changed'] } })).total).toBe(2);
    // One sample read alone (the detail pane) carries its outcome too.
    const folderId = ws.info().folders[0].id;
    expect((await ws.get({ folderId, id: 'log.csv#3' })).replay).toEqual({ run, outcome: 'error' });
  });

  it('shows a chosen older run instead of the latest', async () => {
    const { ws, reviewDir } = await openFolder(3);
    const older = await storeRun(reviewDir, 1, { 'log.csv#1': 'changed', 'log.csv#3': 'changed' });
    await storeRun(reviewDir, 2, { 'log.csv#1': 'same' });
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual([]);
    expect(await idsOf(ws, { replay: { run: older.run, outcomes: ['changed'] } })).toEqual([
      'log.csv#1',
      'log.csv#3',
    ]);
    const page = await ws.query({ filter: { replay: { run: older.run } }, offset: 0, limit: 10 });
    expect(page.rows.map((row) => row.replay?.outcome ?? '')).toEqual(['changed', '', 'changed']);
  });

  it('follows a run while it appends results, a resumed sample taking its last outcome', async () => {
    const { ws, reviewDir } = await openFolder(4);
    const { store } = await storeRun(reviewDir, 1, { 'log.csv#1': 'error' });
    expect(await idsOf(ws, { replay: { outcomes: ['error'] } })).toEqual(['log.csv#1']);
    await append(store, 'log.csv#1', 'changed');
    await append(store, 'log.csv#4', 'changed');
    expect(await idsOf(ws, { replay: { outcomes: ['error'] } })).toEqual([]);
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual(['log.csv#1', 'log.csv#4']);
  });

  it('a folder without runs has no outcomes: the filter matches nothing but "none"', async () => {
    const { ws } = await openFolder(2);
    expect((await ws.query({ filter: {}, offset: 0, limit: 10 })).rows.every((r) => !r.replay)).toBe(true);
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual([]);
    expect(await idsOf(ws, { replay: { outcomes: ['none'] } })).toEqual(['log.csv#1', 'log.csv#2']);
  });

  it('reads a run once, not per page: marks are reused until the run grows', async () => {
    const { ws, reviewDir, marks } = await openFolder(3);
    const { store } = await storeRun(reviewDir, 1, { 'log.csv#2': 'changed' });
    // The folders as the workspace describes them to its marks source.
    const asked = vi.spyOn(marks, 'marksFor');
    await ws.query({ filter: {}, offset: 0, limit: 10 });
    const folders = asked.mock.calls[0]?.[0] ?? [];
    const key = folders[0]?.logs()[0]?.key ?? '';
    const first = (await marks.marksFor(folders, undefined)).get(key);
    const again = (await marks.marksFor(folders, undefined)).get(key);
    expect(again).toBe(first);
    expect([...(first?.codes ?? [])]).toEqual([0, 2, 0]);
    await append(store, 'log.csv#3', 'same');
    const grown = (await marks.marksFor(folders, undefined)).get(key);
    expect(grown).not.toBe(first);
    expect([...(grown?.codes ?? [])]).toEqual([0, 2, 1]);
  });

  it('counts a line only once it is complete, whatever the order of its fields', async () => {
    const { ws, reviewDir } = await openFolder(3);
    const { store } = await storeRun(reviewDir, 1, { 'log.csv#1': 'changed' });
    const results = join(store.dir, 'results.jsonl');
    // A line being written (no line end yet) is not read; once ended, it is.
    appendFileSync(results, `{"id":"log.csv#2","rowHash":"${hashOf('log.csv#2')}","outcome":"changed",`);
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual(['log.csv#1']);
    appendFileSync(results, '"outputs":[],"durationMs":1,"at":"2026-01-01T00:00:00Z"}\n');
    // Another writer's field order, and a line that is not JSON (ignored).
    appendFileSync(
      results,
      `{"outcome":"changed","id":"log.csv#3","rowHash":"${hashOf('log.csv#3')}"}\nnot json\n`,
    );
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual([
      'log.csv#1',
      'log.csv#2',
      'log.csv#3',
    ]);
  });

  it('shows a result made from a row since rewritten as not replayed, never same or changed', async () => {
    const { ws, reviewDir } = await openFolder(4);
    const { run, store } = await storeRun(reviewDir, 1, { 'log.csv#1': 'same', 'log.csv#3': 'error' });
    // Row 2 was replayed when it read otherwise: its row hash is not the current row's.
    await append(store, 'log.csv#2', 'changed', hashOf('log.csv#2', 'in 2 before the log was rewritten'));
    const page = await ws.query({ filter: {}, offset: 0, limit: 10 });
    expect(page.rows.map((row) => row.replay?.outcome ?? '')).toEqual(['same', '', 'error', '']);
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual([]);
    expect(await idsOf(ws, { replay: { outcomes: ['none'] } })).toEqual(['log.csv#2', 'log.csv#4']);
    expect((await ws.facets({ replay: { outcomes: ['none'] } })).total).toBe(2);
    const folderId = ws.info().folders[0].id;
    expect((await ws.get({ folderId, id: 'log.csv#2' })).replay).toBeUndefined();
    expect((await ws.get({ folderId, id: 'log.csv#1' })).replay).toEqual({ run, outcome: 'same' });
  });

  it('drops the outcome of a row the log rewrites while it is followed', async () => {
    const events: string[] = [];
    const { ws, root, reviewDir } = await openFolder(3, { follow: true, events });
    await storeRun(reviewDir, 1, { 'log.csv#1': 'same', 'log.csv#2': 'changed', 'log.csv#3': 'changed' });
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual(['log.csv#2', 'log.csv#3']);
    // Someone rewrites the log: row 2 now reads differently (and the file is longer).
    writeFileSync(join(root, 'log.csv'), logText([line(1), line(2, 'in 2 edited'), line(3)]));
    await until(
      () => events.includes('logReset') && ws.info().folders[0].logs[0].rows === 3,
      'the rewritten log indexed again',
    );
    expect(await idsOf(ws, { replay: { outcomes: ['changed'] } })).toEqual(['log.csv#3']);
    expect(await idsOf(ws, { replay: { outcomes: ['none'] } })).toEqual(['log.csv#2']);
    expect(await idsOf(ws, { replay: { outcomes: ['same'] } })).toEqual(['log.csv#1']);
  });
});

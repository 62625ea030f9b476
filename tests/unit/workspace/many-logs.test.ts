// A folder of many one-row logs, as the HF saver's JSON mode writes one per flagged sample: the UI
// is told of the changes a few times, not once per log (each message lists every log), and each
// log's index and reads are sized to it.
import { appendFileSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../../src/shared/model';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import type { WorkspaceOptions } from '../../../src/main/workspace/options';
import { csvLoggerShape } from '../log-index/csv-logger-shape';
import { MemoryReviewStore } from './memory-review-store';
import { inotifyWatches } from '../../support/inotify.mjs';
import { until } from '../../support/until';
import { countCalls } from '../../support/counted-calls.mjs';

const open: Workspace[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
});

/** A workspace, disposed after the test, and the ids of the rows it told were appended. */
function collectingAppends(options: Omit<WorkspaceOptions, 'emit'>): { ws: Workspace; appended: string[] } {
  const appended: string[] = [];
  const ws = createWorkspace({
    emit: (event, payload) => {
      if (event === 'rowsAppended') appended.push(...(payload as { ids: string[] }).ids);
    },
    ...options,
  });
  open.push(ws);
  return { ws, appended };
}

const SAMPLES = 300;
/** A line longer than one read (64 KiB), in a log of three. */
const LONG_TEXT = 'x'.repeat(40_000);

function perSampleFolders(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-many-logs-'));
  for (let i = 0; i < SAMPLES; i++) {
    const dir = join(root, `0f8e2b1c-1111-4222-8333-${String(i).padStart(12, '0')}`);
    mkdirSync(dir);
    const line = (text: string) =>
      JSON.stringify({ text, flag: i % 2 ? 'wrong' : '', username: '', timestamp: '' });
    const lines = i === 7 ? [line(LONG_TEXT), line(`${LONG_TEXT}!`), line('short')] : [line(`sample ${i}`)];
    writeFileSync(join(dir, 'metadata.jsonl'), lines.join('\n'));
    // Written a while ago (the saver writes each file once, without a line end: read once quiet).
    const before = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'metadata.jsonl'), before, before);
  }
  return root;
}

/** A folder of one small log. */
function oneLogFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-one-log-'));
  writeFileSync(join(root, 'log.csv'), 'text,flag,username,timestamp\nhello,,,2024-01-01 00:00:00\n');
  return root;
}

describe('a folder of one-row logs', () => {
  it('tells the UI of its changes a few times, the last listing every log', async () => {
    const told: WorkspaceInfo[] = [];
    const toldAt: number[] = [];
    const ws = createWorkspace({
      emit: (event, payload) => {
        if (event !== 'workspaceChanged') return;
        told.push(payload as WorkspaceInfo);
        toldAt.push(performance.now());
      },
      follow: false,
    });
    open.push(ws);
    await ws.open([perSampleFolders()]);
    await ws.whenIndexed();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Once per log before (301 messages).
    expect(told.length).toBeGreaterThan(0);
    expect(told.length).toBeLessThan(SAMPLES / 4);
    // Two small folders opened one after the other, once the logs are there: the first is told at
    // once, the second a window later (however quickly the open went, which decides how many
    // messages listed every sample log before). The window is 50 ms, and 0.1 ms more per log open
    // (each message lists them all): 80 ms here.
    await ws.open([oneLogFolder()]);
    await ws.open([oneLogFolder()]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const gaps = toldAt
      .slice(1)
      .map((at, i) => at - toldAt[i])
      .filter((_, i) => told[i].folders[0]?.logs.length === SAMPLES);
    expect(gaps.length).toBeGreaterThan(0);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(75);
    const last = told.at(-1)?.folders[0].logs ?? [];
    expect(last).toHaveLength(SAMPLES);
    expect(last.reduce((rows, log) => rows + log.rows, 0)).toBe(SAMPLES + 2);
    const long = await ws.query({ filter: { text: 'short' }, offset: 0, limit: 5 });
    expect(long.total).toBe(1);
    const rows = await ws.query({
      filter: { logs: [`${ws.info().folders[0].id}/${long.rows[0].log}`] },
      offset: 0,
      limit: 5,
    });
    expect(rows.rows.map((row) => row.cells[0].text)).toEqual([LONG_TEXT, `${LONG_TEXT}!`, 'short']);
  });

  it('reads each one-row log once to open it: its shape, its row and its last bytes come from one read', async () => {
    const root = perSampleFolders();
    const counting = countCalls('open', { callbacks: true });
    try {
      const ws = createWorkspace({ emit: () => {} });
      open.push(ws);
      await ws.open([root]);
      await ws.whenIndexed();
      await ws.whenIdle();
      // The check the follower makes after the index, and its re-check, are over by then.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await ws.whenIdle();
      expect(ws.info().folders[0].logs.reduce((rows, log) => rows + log.rows, 0)).toBe(SAMPLES + 2);
      const sample = (i: number) =>
        join(root, `0f8e2b1c-1111-4222-8333-${String(i).padStart(12, '0')}`, 'metadata.jsonl');
      // Seven times each at first: the shape read the file twice, the rest was read again though
      // the first rows were all of it, and the check after that read its last bytes twice; then
      // three times (the shape, the row, the last bytes).
      for (const i of [0, 1, 150, 299]) expect(counting.calls(sample(i)), `sample ${i}`).toBe(1);
    } finally {
      counting.undo();
    }
  });

  it("keeps a one-row log's index small", () => {
    const path = join(tmpdir(), 'log.csv');
    const log = new LogIndex(path, csvLoggerShape('log.csv', 'text,flag,username,timestamp\n'));
    log.push(30, 20, 2, 0, 0, 0);
    // 32 KB each with room for 1,024 rows: 160 MB for 5,000 per-sample logs.
    expect(log.bytes()).toBeLessThan(1024);
    for (let row = 1; row < 5000; row++) log.push(30 + row * 20, 20, row + 2, 0, 0, row);
    expect(log.count).toBe(5000);
    expect([log.starts[4999], log.lines[4999], log.timestamps[4999]]).toEqual([30 + 4999 * 20, 5001, 4999]);
  });

  it('watches none of the samples written before; a row added to one later is still found', async () => {
    const root = perSampleFolders();
    const before = inotifyWatches();
    const { ws, appended } = collectingAppends({ pollMs: 20 });
    await ws.open([root]);
    await ws.whenIndexed();
    await ws.whenIdle();
    // The folder itself (and its data folder's journal, where there is one): not 2 per sample.
    if (process.platform === 'linux') expect(inotifyWatches() - before).toBeLessThan(5);
    const log = join(root, '0f8e2b1c-1111-4222-8333-000000000250', 'metadata.jsonl');
    appendFileSync(
      log,
      `\n${JSON.stringify({ text: 'again', flag: 'wrong', username: '', timestamp: '' })}\n`,
    );
    const id = '0f8e2b1c-1111-4222-8333-000000000250/metadata.jsonl#2';
    await until(() => appended.includes(id), 'the row added to a settled sample', 5000);
  });

  it('adds a sample flagged meanwhile at once, told by the watch of their directory alone', async () => {
    const root = perSampleFolders();
    // No polls: only the watch can tell of the new sample.
    const { ws, appended } = collectingAppends({ pollMs: 0 });
    await ws.open([root]);
    await ws.whenIndexed();
    await ws.whenIdle();
    // As the saver writes it: the folder and the image first, then the log, whole, without a line end.
    const uuid = '0f8e2b1c-1111-4222-8333-999999999999';
    mkdirSync(join(root, uuid, 'im', '0a1b2c3d4e5f60718293'), { recursive: true });
    writeFileSync(join(root, uuid, 'im', '0a1b2c3d4e5f60718293', 'bus.png'), 'png');
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(
      join(root, uuid, 'metadata.jsonl'),
      JSON.stringify({ text: 'flagged now', flag: 'wrong', username: '', timestamp: '' }),
    );
    await until(() => appended.includes(`${uuid}/metadata.jsonl#1`), 'the new sample', 3000);
    const found = await ws.query({ filter: { text: 'flagged now' }, offset: 0, limit: 5 });
    expect(found.rows.map((row) => row.cells[0].text)).toEqual(['flagged now']);
  });

  it('polls each log in turn where there are many: a change no event told of is still found', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-many-csv-'));
    for (let i = 0; i < 600; i++) {
      mkdirSync(join(root, `d${i}`));
      writeFileSync(join(root, `d${i}`, 'log.csv'), 'text,flag,timestamp\na,,2024-01-01 00:00:00\n');
    }
    const { ws, appended } = collectingAppends({
      pollMs: 20,
      // A watcher that reports nothing: only the polls can find the change.
      watchFolder: async () => ({ close: async () => undefined }),
    });
    await ws.open([root]);
    await ws.whenIndexed();
    // Each log's own re-checks after its index are over by then.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    appendFileSync(join(root, 'd550', 'log.csv'), 'b,wrong,2024-01-01 00:00:01\n');
    await until(() => appended.includes('d550/log.csv#2'), 'the row appended to d550/log.csv', 5000);
  });

  it('applies a review made since the journal was looked through, when its log is read again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-reread-'));
    const rows = ['a,,2024-01-01 00:00:00\n', 'b,,2024-01-01 00:00:01\n', 'c,,2024-01-01 00:00:02\n'];
    writeFileSync(join(root, 'log.csv'), `text,flag,timestamp\n${rows.join('')}`);
    const store = new MemoryReviewStore();
    const reset: string[] = [];
    const ws = createWorkspace({
      emit: (event, payload) => void (event === 'logReset' && reset.push((payload as { file: string }).file)),
      reviewStoreFor: async () => store,
      pollMs: 20,
    });
    open.push(ws);
    const [folder] = (await ws.open([root])).folders;
    await ws.whenIndexed();
    await store.edit(await ws.identify(folder.id, ['log.csv#2']), { status: 'keep' }, 'ann');
    // The log shrinks (its last row goes): it is read again, and its reviews applied again.
    writeFileSync(join(root, 'log.csv'), `text,flag,timestamp\n${rows.slice(0, 2).join('')}`);
    await until(() => reset.includes('log.csv'), 'the log to be read again');
    await ws.whenIdle();
    const kept = await ws.query({ filter: { statuses: ['keep'] }, offset: 0, limit: 5 });
    expect(kept.rows.map((row) => row.id)).toEqual(['log.csv#2']);
  });
});

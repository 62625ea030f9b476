import { afterEach, describe, expect, it } from 'vitest';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../../src/shared/api';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { until } from '../../support/until';

const APPENDER = join(__dirname, '../follow/support/appender.mjs');
const HEADER = 'text,flag,timestamp\r\n';

function row(n: number): string {
  // Multi-line quoted cells, so a half-read row would show as a cut cell.
  return `"row ${n}: first line\nsecond line, ""quoted"", end ${n}",${n % 2 ? 'odd' : ''},2024-06-01 10:00:00.${String(n).padStart(6, '0')}\r\n`;
}
const rows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => row(from + i)).join('');

type Seen = { event: EventName; payload: EventPayload<EventName> };

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo();
});

function appender(): (steps: object[]) => Promise<void> {
  const child: ChildProcess = fork(APPENDER, [], { stdio: 'ignore' });
  cleanup.push(() => void child.kill());
  return (steps) =>
    new Promise((resolve) => {
      child.once('message', () => resolve());
      child.send(steps);
    });
}

describe('following a folder while another process writes', () => {
  it('reports every appended row once, in order, never half-read; a new dataset file; a shrink', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-follow-'));
    const first = join(root, 'dataset1.csv');
    writeFileSync(first, HEADER + rows(1, 3));
    const events: Seen[] = [];
    const ws: Workspace = createWorkspace({
      emit: (event, payload) => events.push({ event, payload }),
      // Every row written here ends with its terminator: no read needs the writer to be quiet, and
      // a writer stalled by a loaded machine must not look quiet half-way through a row.
      timing: { recheckMs: 40, finalQuietMs: 5000 },
      pollMs: 300,
      log: (message) => console.error(message),
    });
    cleanup.push(() => ws.dispose());
    const [folder] = (await ws.open([root])).folders;
    await ws.whenIndexed();
    const run = appender();
    const appended = (file: string) =>
      events
        .filter(
          (e) => e.event === 'rowsAppended' && (e.payload as EventPayload<'rowsAppended'>).file === file,
        )
        .flatMap((e) => (e.payload as EventPayload<'rowsAppended'>).ids);

    // Bursts: 5 rows per write, writes 3 ms apart (chokidar drops most of these events).
    await run(
      Array.from({ length: 6 }, (_, b) => ({
        op: 'append',
        file: first,
        data: rows(4 + b * 5, 8 + b * 5),
        gapMs: 3,
      })),
    );
    // Three rows one byte at a time, and two rows in two halves.
    await run([{ op: 'append', file: first, data: rows(34, 36), piece: 1, gapMs: 1 }]);
    const halves = rows(37, 38);
    await run([
      { op: 'append', file: first, data: halves.slice(0, 70), gapMs: 60 },
      { op: 'append', file: first, data: halves.slice(70) },
    ]);
    await until(() => appended('dataset1.csv').length === 35, '35 appended rows');
    // The folder's row count (its chip) follows: a workspaceChanged after the appends says 38 rows.
    const lastInfo = () =>
      events.filter((e) => e.event === 'workspaceChanged').at(-1)
        ?.payload as EventPayload<'workspaceChanged'>;
    await until(() => lastInfo().folders[0].logs[0].rows === 38, 'a workspaceChanged with 38 rows', 2000);

    // Gradio 5 starts dataset2.csv when the interface changes.
    const second = join(root, 'dataset2.csv');
    await run([
      { op: 'write', file: second, data: 'text,extra,timestamp\r\n' + rows(1, 2), gapMs: 50 },
      { op: 'append', file: second, data: rows(3, 4) },
    ]);
    await until(() => appended('dataset2.csv').length === 4, 'dataset2 rows');

    const expected = Array.from({ length: 35 }, (_, i) => `dataset1.csv#${i + 4}`);
    expect(appended('dataset1.csv')).toEqual(expected);
    expect(events.some((e) => e.event === 'logReset')).toBe(false);

    // Someone rewrites the first log shorter.
    await run([{ op: 'write', file: first, data: HEADER + rows(1, 2) }]);
    await until(() => events.some((e) => e.event === 'logReset'), 'logReset');
    await until(() => ws.info().folders[0].logs[0].rows === 2, 'the rewritten log indexed');
    // The re-read rows are announced after the logReset, once each.
    await until(() => appended('dataset1.csv').length === 37, 'the re-read rows announced');
    expect(appended('dataset1.csv').slice(35)).toEqual(['dataset1.csv#1', 'dataset1.csv#2']);
    const order = events.map((e) => e.event);
    expect(order.lastIndexOf('rowsAppended')).toBeGreaterThan(order.indexOf('logReset'));

    expect(appended('dataset2.csv')).toEqual([
      'dataset2.csv#1',
      'dataset2.csv#2',
      'dataset2.csv#3',
      'dataset2.csv#4',
    ]);
    expect(events.filter((e) => e.event === 'logAdded').map((e) => e.payload)).toEqual([
      { folderId: folder.id, file: 'dataset2.csv' },
    ]);
    const resets = events.filter((e) => e.event === 'logReset').map((e) => e.payload);
    expect(resets).toEqual([
      { folderId: folder.id, file: 'dataset1.csv', reason: expect.stringMatching(/shrank/) },
    ]);
    const logs = ws.info().folders[0].logs.map((l) => [l.file, l.rows]);
    expect(logs).toEqual([
      ['dataset1.csv', 2],
      ['dataset2.csv', 4],
    ]);
  });

  it('reads every row whole after appends (content check)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-follow-'));
    const file = join(root, 'log.csv');
    writeFileSync(file, HEADER);
    const events: Seen[] = [];
    const ws = createWorkspace({
      emit: (event, payload) => events.push({ event, payload }),
      // Every row written here ends with its terminator: no read needs the writer to be quiet, and
      // a writer stalled by a loaded machine must not look quiet half-way through a row.
      timing: { recheckMs: 40, finalQuietMs: 5000 },
      pollMs: 300,
    });
    cleanup.push(() => ws.dispose());
    await ws.open([root]);
    await ws.whenIndexed();
    const run = appender();
    await run([{ op: 'append', file, data: rows(1, 20), piece: 7, gapMs: 1 }]);
    await until(() => ws.info().folders[0].logs[0].rows === 20, '20 rows');
    const page = await ws.query({ filter: {}, offset: 0, limit: 100 });
    expect(page.rows.map((r) => r.cells[0].text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `row ${i + 1}: first line\nsecond line, "quoted", end ${i + 1}`),
    );
    expect(events.some((e) => e.event === 'logReset')).toBe(false);
  });
});

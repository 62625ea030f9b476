import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followFolder, followLine } from '../../../../src/main/cli/inspect/follow-cli';
import { failWatches } from '../../../support/failing-watch.mjs';
import { until } from '../../../support/until';

/**
 * Follows `root` into `lines`. Changes are made once it is `ready`: made earlier (a fixed wait used
 * to stand here), they were part of the first reading on a loaded machine, and no event came.
 */
function follow(root: string, lines: string[], stop: AbortSignal) {
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const options = { timing: { recheckMs: 40, finalQuietMs: 500 }, pollMs: 200 };
  const done = followFolder(root, (line) => lines.push(line), stop, options, ready);
  return { ready: Promise.race([isReady, done]), done };
}

describe('inspect --follow', () => {
  it('prints one JSON line per event, without the folder id', () => {
    expect(followLine('rowsAppended', { folderId: 'f1', file: 'log.csv', ids: ['log.csv#3'] })).toBe(
      '{"event":"rowsAppended","file":"log.csv","ids":["log.csv#3"]}',
    );
    expect(followLine('logReset', { folderId: 'f1', file: 'a.csv', reason: 'x' })).toBe(
      '{"event":"logReset","file":"a.csv","reason":"x"}',
    );
    expect(
      followLine('indexProgress', { folderId: 'f', file: 'a', bytesIndexed: 1, bytesTotal: 2, rows: 0 }),
    ).toBe(undefined);
  });

  it('follows a folder until stopped', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-tail-'));
    const log = join(root, 'dataset1.csv');
    writeFileSync(log, 'text,timestamp\r\nhello,2024-01-01 00:00:00\r\n');
    const lines: string[] = [];
    const stop = new AbortController();
    const running = follow(root, lines, stop.signal);
    await running.ready;
    appendFileSync(log, 'again,2024-01-01 00:00:01\r\nthird,2024-01-01 00:00:02\r\n');
    await until(() => lines.length > 0, 'the first follow line');
    writeFileSync(join(root, 'dataset2.csv'), 'other,timestamp\r\nx,2024-01-01 00:00:03\r\n');
    await until(() => lines.some((line) => line.includes('dataset2.csv#1')), 'dataset2.csv#1');
    stop.abort();
    await running.done;
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { event: 'rowsAppended', file: 'dataset1.csv', ids: ['dataset1.csv#2', 'dataset1.csv#3'] },
      { event: 'logAdded', file: 'dataset2.csv' },
      { event: 'rowsAppended', file: 'dataset2.csv', ids: ['dataset2.csv#1'] },
    ]);
  });

  it('announces the rows of a rewritten log after its logReset', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-tail-'));
    const log = join(root, 'log.csv');
    writeFileSync(log, 'text,timestamp\r\na,2024-01-01 00:00:00\r\nb,2024-01-01 00:00:01\r\n');
    const lines: string[] = [];
    const stop = new AbortController();
    const running = follow(root, lines, stop.signal);
    await running.ready;
    writeFileSync(log, 'text,timestamp\r\nnew,2024-01-02 00:00:00\r\n');
    await until(() => lines.some((line) => line.includes('rowsAppended')), 'a rowsAppended line');
    stop.abort();
    await running.done;
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { event: 'logReset', file: 'log.csv', reason: expect.stringMatching(/shrank/) },
      { event: 'rowsAppended', file: 'log.csv', ids: ['log.csv#1'] },
    ]);
  });

  it('prints a folder it cannot watch as one folderProblem line, and still finds its new logs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-tail-'));
    writeFileSync(join(root, 'dataset1.csv'), 'text,timestamp\r\nhello,2024-01-01 00:00:00\r\n');
    const restore = failWatches((path) => path.startsWith(root));
    const lines: string[] = [];
    const stop = new AbortController();
    try {
      const options = { timing: { recheckMs: 40, finalQuietMs: 500 }, pollMs: 200, discoverMs: 100 };
      const done = followFolder(root, (line) => lines.push(line), stop.signal, options);
      await until(() => lines.some((line) => line.includes('folderProblem')), 'the folderProblem line');
      writeFileSync(join(root, 'dataset2.csv'), 'other,timestamp\r\nx,2024-01-01 00:00:03\r\n');
      await until(() => lines.some((line) => line.includes('dataset2.csv#1')), 'dataset2.csv#1');
      stop.abort();
      await done;
    } finally {
      restore();
    }
    const events = lines.map((line) => JSON.parse(line) as { event: string; message?: string });
    expect(events.map((e) => e.event)).toEqual(['folderProblem', 'logAdded', 'rowsAppended']);
    expect(events[0].message).toMatch(/^not watched for changes: .*ENOSPC.*max_user_watches/);
  });
});

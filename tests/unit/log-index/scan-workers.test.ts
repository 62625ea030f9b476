import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { csvLoggerShape } from './csv-logger-shape';
import { Interner } from '../../../src/main/log-index/intern';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { indexLog } from '../../../src/main/log-index/index-log';
import * as workers from '../../../src/main/log-index/scan-workers';
import { startScanWorker, workersAvailable, type ScanThread } from '../../../src/main/log-index/scan-threads';
import { indexPathOf, persistIndex, restoreIndex } from '../../../src/main/log-index/persisted-index';
import { plainRows } from '../scan/support/plain-result';

const HEADER = 'text,flag,username,timestamp\r\n';

function columns(log: LogIndex) {
  return { ...plainRows(log), end: log.indexedEnd };
}

/** Interners as a workspace has them: other logs interned their values first. */
function interners() {
  const reasons = new Interner();
  const usernames = new Interner();
  reasons.code('from another log');
  usernames.code('someone else');
  return { reasons, usernames };
}

async function both(
  file: string,
  rows: string,
  sharedColumns: boolean,
  hostScans: boolean,
  probe?: { rows: number; bytes: number },
) {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-par-')), file);
  writeFileSync(path, HEADER + rows);
  const serial = new LogIndex(path, csvLoggerShape(file, HEADER));
  await indexLog(serial, interners(), { final: true, stepBytes: 4096 });
  const parallel = new LogIndex(path, { ...csvLoggerShape(file, HEADER), ...(probe ? { probe } : {}) });
  await workers.indexLogParallel(parallel, interners(), {
    final: true,
    minBytes: 1,
    sharedColumns,
    hostScans,
  });
  const shared = parallel.starts.buffer instanceof SharedArrayBuffer;
  return { serial: columns(serial), parallel: columns(parallel), split: workers.lastSplit, shared };
}

// Each case runs as the app does it (two workers) and as one-shot commands do (this thread scans
// the first half).
describe.each([
  { hostScans: false, split: 'two workers' },
  { hostScans: true, split: 'this thread and a worker' },
])('indexLogParallel: $split', ({ hostScans, split: twoThreads }) => {
  it('splits a log between two threads and gives the same index as one thread', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `"row ${i}\nsecond line",${i % 3 ? 'bad' : ''},${i % 5 ? '' : 'ann'},2024-01-01 00:00:${String(i % 60).padStart(2, '0')}.5\r\n`,
    ).join('');
    const { serial, parallel, split } = await both('log.csv', rows, false, hostScans);
    expect(workersAvailable()).toBe(true);
    expect(split).toBe(twoThreads);
    expect(serial.count).toBe(3000);
    expect(parallel).toEqual(serial);
  });

  it("leaves the rows' flag, username and timestamp out when asked, on either path", async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `row ${i},bad,ann,2024-01-01 00:00:0${i % 10}\r\n`,
    ).join('');
    const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-par-')), 'log.csv');
    writeFileSync(path, HEADER + rows);
    const whole = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    await indexLog(whole, interners(), { final: true });
    const serial = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    await indexLog(serial, interners(), { final: true, stepBytes: 4096, withoutRoles: true });
    const parallel = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    const pass = { final: true, minBytes: 1, hostScans, withoutRoles: true };
    await workers.indexLogParallel(parallel, interners(), pass);
    expect(workers.lastSplit).toBe(twoThreads);
    const { reasons, usernames, timestamps, ...rest } = columns(whole);
    expect(new Set([...reasons, ...usernames]).has(-1)).toBe(false);
    for (const log of [serial, parallel]) {
      const unread = columns(log);
      expect({ ...unread, reasons: [], usernames: [], timestamps: [] }).toEqual({
        ...rest,
        reasons: [],
        usernames: [],
        timestamps: [],
      });
      // Left unwritten (ScanJob.rolesLeftOut): every row alike, none of them its own values.
      expect(new Set([...unread.reasons, ...unread.usernames]).size).toBe(1);
      expect(new Set(unread.timestamps).size).toBe(1);
      expect(new Set(timestamps).size).toBe(10);
    }
  });

  it('rejects a cut inside a quoted field and still indexes correctly', async () => {
    // One giant multi-line cell whose inner lines end like rows: the probe cuts inside it.
    const inner = Array.from({ length: 4000 }, (_, i) => `fake,x,,2024-01-01 00:00:0${i % 10}\r\n`).join('');
    const rows = `first,,,2024-01-01 00:00:00\r\n"${inner}",,,2024-01-02 00:00:00\r\nlast,y,,2024-01-03 00:00:00\r\n`;
    const { serial, parallel, split } = await both('log.csv', rows, false, hostScans);
    expect(split).toBe('cut rejected');
    expect(serial.count).toBe(3);
    expect(parallel).toEqual(serial);
  });

  const row = (i: number, text: string) =>
    `"${text} ${i}\nsecond line",${i % 3 ? 'bad' : ''},${i % 5 ? '' : 'ann'},2024-01-01 00:00:${String(i % 60).padStart(2, '0')}.5\r\n`;
  const rowsOf = (count: number, text: (i: number) => string) =>
    Array.from({ length: count }, (_, i) => row(i, text(i))).join('');

  it('fills one set of shared columns from both threads and gives the same index as one thread', async () => {
    const { serial, parallel, split, shared } = await both(
      'log.csv',
      rowsOf(3000, () => 'row'),
      true,
      hostScans,
    );
    expect(split).toBe(twoThreads);
    expect(shared).toBe(true);
    expect(serial.count).toBe(3000);
    expect(parallel).toEqual(serial);
  });

  it('gives the same index when a half has more rows than its room in the shared columns', async () => {
    // Long rows first (the sample sizes the columns by them), short ones after: the second half,
    // or both, hold far more rows than estimated and move to columns of their own.
    const long = 'x'.repeat(400);
    const secondDenser = rowsOf(1500, () => long) + rowsOf(6000, () => 'r');
    const bothDenser = rowsOf(100, () => long) + rowsOf(8000, () => 'r');
    for (const rows of [secondDenser, bothDenser]) {
      const { serial, parallel, split } = await both('log.csv', rows, true, hostScans);
      expect(split).toBe(twoThreads);
      expect(parallel).toEqual(serial);
    }
  });

  it("sizes a fresh log's columns from its shape's probe, near the truth or far from it", async () => {
    const long = 'x'.repeat(400);
    const rows = rowsOf(200, () => long) + rowsOf(6000, () => 'r');
    const average = Buffer.byteLength(rows) / 6200;
    // Near the log's average row: the threads fill the shared columns. The probe as the shape would
    // read it (rows far longer than the rest): the rows outgrow their room. Rows far shorter than any.
    const probes = [
      { probe: { rows: 200, bytes: Math.round(average * 200) }, fits: true },
      { probe: { rows: 200, bytes: Buffer.byteLength(rowsOf(200, () => long)) }, fits: false },
      { probe: { rows: 200, bytes: 200 * 8 }, fits: true },
    ];
    for (const { probe, fits } of probes) {
      const { serial, parallel, split, shared } = await both('log.csv', rows, true, hostScans, probe);
      expect(split).toBe(twoThreads);
      expect(shared).toBe(fits);
      expect(parallel).toEqual(serial);
    }
  });

  it('rejects a cut inside a quoted field with shared columns too', async () => {
    const inner = Array.from({ length: 4000 }, (_, i) => `fake,x,,2024-01-01 00:00:0${i % 10}\r\n`).join('');
    const rows = `first,,,2024-01-01 00:00:00\r\n"${inner}",,,2024-01-02 00:00:00\r\nlast,y,,2024-01-03 00:00:00\r\n`;
    const { serial, parallel, split } = await both('log.csv', rows, true, hostScans);
    expect(split).toBe('cut rejected');
    expect(parallel).toEqual(serial);
  });
});

describe('indexLogParallel filling shared columns after a first page', () => {
  // 1.3 MB: more than a pass scans again.
  const rows = Array.from(
    { length: 3000 },
    (_, i) =>
      `"row ${i} ${'x'.repeat(400)}\nline",${i % 3 ? 'bad' : ''},${i % 5 ? '' : 'ann'},2024-01-01 00:00:${String(i % 60).padStart(2, '0')}\r\n`,
  ).join('');

  function logFile(): string {
    const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-again-')), 'log.csv');
    writeFileSync(path, HEADER + rows);
    return path;
  }

  it("scans a log's first rows again (as the app read them for a first page) into shared columns", async () => {
    const path = logFile();
    const serial = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    await indexLog(serial, interners(), { final: true });
    const log = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    await indexLog(log, interners(), { final: false, until: log.shape.dataStart + 4096 });
    expect(log.count).toBeGreaterThan(0);
    await workers.indexLogParallel(log, interners(), { final: true, minBytes: 1, sharedColumns: true });
    expect(workers.lastSplit).toBe('two workers');
    expect(log.starts.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(columns(log)).toEqual(columns(serial));
  });

  it('keeps the rows a persisted index restored instead of scanning the log again', async () => {
    const path = logFile();
    const options = { dataDir: mkdtempSync(join(tmpdir(), 'flagdeck-again-data-')), minBytes: 1 };
    const first = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    const names = interners();
    await indexLog(first, names, { final: true });
    await persistIndex(first, names, options);
    const log = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    const size = (HEADER + rows).length;
    expect(await restoreIndex(log, names, options, size)).toEqual({ kind: 'reused', rows: 3000 });
    await workers.indexLogParallel(log, names, { final: true, minBytes: 1, sharedColumns: true });
    expect(workers.lastSplit).toBe('one thread');
    expect(columns(log)).toEqual(columns(first));
  });
});

describe('indexLogParallel with a worker started before it (earlyScanWorker)', () => {
  const rows = Array.from(
    { length: 3000 },
    (_, i) =>
      `"row ${i}\nsecond",${i % 3 ? 'bad' : ''},,2024-01-01 00:00:${String(i % 60).padStart(2, '0')}\r\n`,
  ).join('');

  function logFile(): string {
    const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-early-')), 'log.csv');
    writeFileSync(path, HEADER + rows);
    return path;
  }

  /** A thread that counts what it is asked to do. */
  function counted(thread: ScanThread) {
    const calls = { scans: 0, cancels: 0 };
    const spy: ScanThread = {
      scanQueued: (jobs, taken, fromBack) => (calls.scans++, thread.scanQueued(jobs, taken, fromBack)),
      cancel: () => (calls.cancels++, thread.cancel()),
    };
    return { spy, calls };
  }

  it('gives the started worker its share and indexes as one thread does', async () => {
    const path = logFile();
    const serial = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    await indexLog(serial, interners(), { final: true });
    const { spy, calls } = counted(startScanWorker(path));
    const log = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    await workers.indexLogParallel(log, interners(), {
      final: true,
      minBytes: 1,
      sharedColumns: true,
      hostScans: true,
      worker: spy,
    });
    expect(workers.lastSplit).toBe('this thread and a worker');
    expect(calls.scans).toBe(1);
    expect(columns(log)).toEqual(columns(serial));
  });

  it('stops the started worker when the log is scanned on one thread', async () => {
    const path = logFile();
    const { spy, calls } = counted(startScanWorker(path));
    const log = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
    await workers.indexLogParallel(log, interners(), { final: true, hostScans: true, worker: spy });
    expect(workers.lastSplit).toBe('one thread');
    expect(log.count).toBe(3000);
    expect(calls).toEqual({ scans: 0, cancels: 1 });
  });

  it('starts one for a large CSV log that will be scanned, none for JSON lines or a kept index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdeck-early-size-'));
    const large = (name: string) => {
      writeFileSync(join(dir, name), '');
      truncateSync(join(dir, name), workers.PARALLEL_MIN_BYTES); // sparse: no bytes written
    };
    large('log.csv');
    large('log.jsonl');
    const cache = { dataDir: mkdtempSync(join(tmpdir(), 'flagdeck-early-data-')) };
    const started = await workers.earlyScanWorker(dir, 'log.csv', cache);
    expect(started).toBeDefined();
    started?.cancel();
    expect(await workers.earlyScanWorker(dir, 'log.jsonl')).toBeUndefined();
    // Once an index is kept for the log, a reopen scans only what was appended: no worker.
    const kept = await indexPathOf(
      new LogIndex(join(dir, 'log.csv'), csvLoggerShape('log.csv', HEADER)),
      cache,
    );
    mkdirSync(dirname(kept), { recursive: true });
    writeFileSync(kept, '');
    expect(await workers.earlyScanWorker(dir, 'log.csv', cache)).toBeUndefined();
  });

  // That its index file is not even named (which loads crypto) is checked end to end by
  // cli/inspect/small-folder-modules.test.ts.
  it('starts none for a log below the size two threads pay off at', async () => {
    const path = logFile();
    const cache = { dataDir: mkdtempSync(join(tmpdir(), 'flagdeck-early-data-')) };
    expect(await workers.earlyScanWorker(dirname(path), basename(path), cache)).toBeUndefined();
  });
});

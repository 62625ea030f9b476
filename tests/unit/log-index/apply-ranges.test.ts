// A pass's ranges taken into the log in order, as planned in one set of shared columns: a range
// that held more rows than its room has columns of its own, and rows copied in after it must not
// overwrite the rooms of the ranges still to come.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLoggerShape } from './csv-logger-shape';
import { applyRanges } from '../../../src/main/log-index/apply-ranges';
import { indexLog } from '../../../src/main/log-index/index-log';
import { Interner } from '../../../src/main/log-index/intern';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { planRanges } from '../../../src/main/log-index/range-plan';
import { thisThread } from '../../../src/main/log-index/scan-threads';
import { scanOne } from './support/scan-one';

const HEADER = 'text,flag,username,timestamp\r\n';
const row = (i: number, text: string) =>
  `"${text} ${i}\nline",${i % 3 ? 'bad' : ''},${i % 5 ? '' : 'ann'},2024-01-01 00:00:${String(i % 60).padStart(2, '0')}\r\n`;
const rowsOf = (from: number, count: number, text: string) =>
  Array.from({ length: count }, (_, i) => row(from + i, text)).join('');

function interners() {
  return { reasons: new Interner(), usernames: new Interner() };
}

function columns(log: LogIndex) {
  const n = log.count;
  const of = (a: ArrayLike<number>) => Array.from({ length: n }, (_, i) => a[i]);
  const { starts, lengths, lines, reasons, usernames, timestamps } = log;
  return {
    n,
    starts: of(starts),
    lengths: of(lengths),
    lines: of(lines),
    reasons: of(reasons),
    usernames: of(usernames),
    timestamps: of(timestamps),
    end: log.indexedEnd,
  };
}

describe('applyRanges', () => {
  it('takes three ranges whose middle one outgrew its room as one thread indexes the log', async () => {
    // Long rows size the rooms; the middle range's rows are a little shorter: it holds more rows
    // than its room, not more than the columns hold in all (they do not grow).
    const parts = [
      rowsOf(0, 400, 'x'.repeat(300)),
      rowsOf(400, 3000, 'x'.repeat(262)),
      rowsOf(3400, 400, 'x'.repeat(300)),
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-apply-')), 'log.csv');
    writeFileSync(path, HEADER + parts.join(''));
    const shape = csvLoggerShape('log.csv', HEADER);
    const cuts = [shape.dataStart + parts[0].length, shape.dataStart + parts[0].length + parts[1].length];
    const size = shape.dataStart + parts.join('').length;

    const serial = new LogIndex(path, shape);
    await indexLog(serial, interners(), { final: true });

    const log = new LogIndex(path, shape);
    const names = interners();
    const fresh = { state: { ...log.scanState } };
    await indexLog(log, names, { final: false, until: shape.dataStart + 8192 });
    const pass = { final: true, sharedColumns: true };
    const plan = planRanges(log, pass, { from: shape.dataStart, cuts, size }, fresh);
    const results = [];
    for (const job of plan.jobs) results.push(await scanOne(thisThread(path), job));
    expect(results.map((result) => result.filledInto)).toEqual([true, false, true]);
    // The middle range's rows, copied in after the first's, reach into the last range's room.
    expect(results[0].count + results[1].count).toBeGreaterThan(plan.rooms[2]);
    const rows = plan.rooms[2] + (plan.jobs[2].into?.room ?? 0);
    expect(results[0].count + results[1].count + results[2].count).toBeLessThan(rows);

    expect(await applyRanges(log, names, pass, plan, results, true)).toBe(true);
    expect(columns(log)).toEqual(columns(serial));
  });

  it("gives each range's values the workspace's codes, after values another log brought first", async () => {
    const flags = ['bad', 'good', 'odd'];
    const text = Array.from(
      { length: 3000 },
      (_, i) => `t ${i},${flags[(i * i) % 3]},u${i % 4},2024-01-01 00:00:00\r\n`,
    );
    const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-apply-')), 'log.csv');
    writeFileSync(path, HEADER + text.join(''));
    const shape = csvLoggerShape('log.csv', HEADER);
    // Another log of the workspace met `bad` first, then values this log never holds.
    const seeded = () => {
      const names = interners();
      for (const value of ['bad', 'zzz', 'yyy']) names.reasons.code(value);
      names.usernames.code('u3');
      return names;
    };
    const serialNames = seeded();
    const serial = new LogIndex(path, shape);
    await indexLog(serial, serialNames, { final: true });

    const log = new LogIndex(path, shape);
    const names = seeded();
    const fresh = { state: { ...log.scanState } };
    const pass = { final: true, sharedColumns: true };
    const cuts = [
      shape.dataStart + text.slice(0, 1000).join('').length,
      shape.dataStart + text.slice(0, 2000).join('').length,
    ];
    const plan = planRanges(
      log,
      pass,
      { from: shape.dataStart, cuts, size: shape.dataStart + text.join('').length, bytesPerRow: 30 },
      fresh,
    );
    const results = [];
    for (const job of plan.jobs) results.push(await scanOne(thisThread(path), job));
    expect(await applyRanges(log, names, pass, plan, results, true)).toBe(true);
    expect(columns(log)).toEqual(columns(serial));
    const reasonOf = (row: number) => names.reasons.valueOf(log.reasons[row]);
    expect([0, 1, 2, 2999].map(reasonOf)).toEqual([0, 1, 2, 2999].map((i) => flags[(i * i) % 3]));
  });
});

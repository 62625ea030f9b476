import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { dataChanged, dataChanges } from '../../../src/main/platform/data-changes';
import { LogsVersions } from '../../../src/main/query/logs-version';
import { dataVersion, ranksVersion } from '../../../src/main/query/query-cache';
import { ReviewOverlay } from '../../../src/main/query/review-overlay';
import { Interner } from '../../../src/main/log-index/intern';
import { csvLoggerShape } from '../log-index/csv-logger-shape';

const shape = () => csvLoggerShape('log.csv', 'text,flag,username,timestamp\r\n');

/** A log as the query engine sees it, with `rows` rows. */
function queryLog(rows = 1): { log: LogIndex; overlay: ReviewOverlay } {
  const log = new LogIndex('/nowhere/log.csv', shape());
  for (let row = 0; row < rows; row++) log.push(10 * row, 9, row + 2, -1, -1, NaN);
  return { log, overlay: new ReviewOverlay() };
}
const addRow = (q: { log: LogIndex }) => q.log.push(10 * q.log.count, 9, q.log.count + 2, -1, -1, NaN);
const review = (q: { overlay: ReviewOverlay }) =>
  q.overlay.set(0, { status: 'keep', reason: undefined, note: '' }, new Interner());

describe('names of the state of a list of logs (the query caches key on them)', () => {
  it('names one list in one state alike, however often asked', () => {
    const logs = [queryLog(), queryLog(3)];
    expect(dataVersion(logs)).toBe(dataVersion(logs));
    expect(dataVersion([...logs])).toBe(dataVersion(logs));
    // Something else changed meanwhile: the logs are looked at, and found as they were.
    dataChanged();
    expect(dataVersion([...logs])).toBe(dataVersion(logs));
  });

  it('names the list anew when a log gains rows, is indexed again or reviewed', () => {
    const logs = [queryLog(), queryLog()];
    const names = new Set([dataVersion(logs)]);
    addRow(logs[1]);
    names.add(dataVersion(logs));
    logs[0].log.truncateTo(0);
    names.add(dataVersion(logs));
    review(logs[0]);
    names.add(dataVersion(logs));
    logs[0].overlay.clear();
    names.add(dataVersion(logs));
    expect(names.size).toBe(5);
  });

  it('counts every change of rows and reviews as a change of the data', () => {
    const q = queryLog();
    const steps: (() => void)[] = [
      () => addRow(q),
      () => q.log.truncateTo(0),
      () => review(q),
      () => q.overlay.clear(),
    ];
    for (const step of steps) {
      const before = dataChanges();
      step();
      expect(dataChanges()).toBeGreaterThan(before);
    }
  });

  it('tells apart other logs in the same state, another order, and a list grown by one', () => {
    const [a, b] = [queryLog(), queryLog()];
    const names = [
      dataVersion([a, b]),
      dataVersion([b, a]),
      dataVersion([a, b, queryLog()]),
      dataVersion([a]),
    ];
    names.push(dataVersion([queryLog(), queryLog()]));
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps a column's ranks through a review edit, not through new rows", () => {
    const logs = [queryLog(5)];
    const ranks = ranksVersion(logs);
    const data = dataVersion(logs);
    review(logs[0]);
    expect(ranksVersion(logs)).toBe(ranks);
    expect(dataVersion(logs)).not.toBe(data);
    addRow(logs[0]);
    expect(ranksVersion(logs)).not.toBe(ranks);
  });

  it('never gives a forgotten name to another state: a list named long ago is named anew', () => {
    const versions = new LogsVersions<{ log: LogIndex }>((q, into) => {
      into[0] = q.log;
      into[1] = q.log.count;
    });
    const first = [queryLog()];
    const name = versions.nameOf(first);
    const seen = new Set([name]);
    for (let i = 0; i < 100; i++) seen.add(versions.nameOf([queryLog()]));
    expect(seen.size).toBe(101);
    const again = versions.nameOf(first);
    expect(seen.has(again)).toBe(false);
    // Still one name for one state from then on.
    expect(versions.nameOf(first)).toBe(again);
  });

  it('names a state that comes back (a log rewritten to the same row count) anew', () => {
    const logs = [queryLog(2)];
    const before = ranksVersion(logs);
    logs[0].log.truncateTo(1);
    const shrunk = ranksVersion(logs);
    addRow(logs[0]);
    expect(new Set([before, shrunk, ranksVersion(logs)]).size).toBe(3);
  });
});

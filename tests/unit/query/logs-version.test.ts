import { describe, expect, it } from 'vitest';
import { LogsVersions } from '../../../src/main/query/logs-version';
import { dataVersion, ranksVersion } from '../../../src/main/query/query-cache';

interface FakeLog {
  log: { count: number; generation: number };
  overlay: { version: number };
}

const fakeLog = (count = 1): FakeLog => ({ log: { count, generation: 0 }, overlay: { version: 0 } });

describe('names of the state of a list of logs (the query caches key on them)', () => {
  it('names one list in one state alike, however often asked', () => {
    const logs = [fakeLog(), fakeLog(3)];
    expect(dataVersion(logs)).toBe(dataVersion(logs));
    expect(dataVersion([...logs])).toBe(dataVersion(logs));
  });

  it('names the list anew when a log gains rows, is indexed again or reviewed', () => {
    const logs = [fakeLog(), fakeLog()];
    const names = new Set([dataVersion(logs)]);
    logs[1].log.count++;
    names.add(dataVersion(logs));
    logs[0].log.generation++;
    names.add(dataVersion(logs));
    logs[0].overlay.version++;
    names.add(dataVersion(logs));
    expect(names.size).toBe(4);
  });

  it('tells apart other logs in the same state, another order, and a list grown by one', () => {
    const [a, b] = [fakeLog(), fakeLog()];
    const names = [
      dataVersion([a, b]),
      dataVersion([b, a]),
      dataVersion([a, b, fakeLog()]),
      dataVersion([a]),
    ];
    names.push(dataVersion([fakeLog(), fakeLog()]));
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps a column's ranks through a review edit, not through new rows", () => {
    const logs = [fakeLog(5)];
    const ranks = ranksVersion(logs);
    const data = dataVersion(logs);
    logs[0].overlay.version++;
    expect(ranksVersion(logs)).toBe(ranks);
    expect(dataVersion(logs)).not.toBe(data);
    logs[0].log.count++;
    expect(ranksVersion(logs)).not.toBe(ranks);
  });

  it('never gives a forgotten name to another state: a list named long ago is named anew', () => {
    const versions = new LogsVersions<FakeLog>((q, into) => {
      into[0] = q.log;
      into[1] = q.log.count;
    });
    const first = [fakeLog()];
    const name = versions.nameOf(first);
    const seen = new Set([name]);
    for (let i = 0; i < 100; i++) seen.add(versions.nameOf([fakeLog()]));
    expect(seen.size).toBe(101);
    const again = versions.nameOf(first);
    expect(seen.has(again)).toBe(false);
    // Still one name for one state from then on.
    expect(versions.nameOf(first)).toBe(again);
  });

  it('names a state that comes back (a log rewritten to the same row count) anew', () => {
    const versions = new LogsVersions<FakeLog>((q, into) => {
      into[0] = q.log;
      into[1] = q.log.count;
    });
    const logs = [fakeLog(2)];
    const before = versions.nameOf(logs);
    logs[0].log.count = 1;
    const shrunk = versions.nameOf(logs);
    logs[0].log.count = 2;
    expect(new Set([before, shrunk, versions.nameOf(logs)]).size).toBe(3);
  });
});

// A large log's index columns are shared memory, so that a query's worker reads the rows it walks
// where they are (query/worker-rows.ts). Rows a worker may still be reading are never written
// again in place: a rewritten or truncated log gets columns of its own.
import { describe, expect, it } from 'vitest';
import { csvLoggerShape } from './csv-logger-shape';
import { LogIndex, SHARED_COLUMNS } from '../../../src/main/log-index/log-index';

const HEADER = 'text,flag,username,timestamp\r\n';

function logOf(rows: number): LogIndex {
  const log = new LogIndex('/nowhere/log.csv', csvLoggerShape('log.csv', HEADER));
  log.reserve(rows);
  for (let row = 0; row < rows; row++) log.push(100 * row, 99, row + 2, 1, 2, 1_700_000_000_000 + row);
  return log;
}

const columnsOf = (log: LogIndex) => [
  log.starts,
  log.lengths,
  log.lines,
  log.reasons,
  log.usernames,
  log.timestamps,
];

describe("a log index's row columns", () => {
  it('are shared memory from SHARED_COLUMNS.fromRows rows on, plain arrays below', () => {
    for (const column of columnsOf(logOf(1000))) expect(column.buffer).toBeInstanceOf(ArrayBuffer);
    for (const column of columnsOf(logOf(SHARED_COLUMNS.fromRows)))
      expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('stay shared as rows are appended past their room', () => {
    const log = logOf(SHARED_COLUMNS.fromRows);
    const before = log.starts.buffer;
    log.push(1, 1, 1, 1, 1, 1);
    expect(log.starts.buffer).not.toBe(before);
    expect(log.starts.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(log.count).toBe(SHARED_COLUMNS.fromRows + 1);
    expect(log.starts[SHARED_COLUMNS.fromRows - 1]).toBe(100 * (SHARED_COLUMNS.fromRows - 1));
  });

  it('leave the rows a worker reads as they were when the log is truncated and rows written again', () => {
    const log = logOf(SHARED_COLUMNS.fromRows + 10);
    const workersView = log.starts.subarray(0, log.count);
    const workersLengths = log.lengths.subarray(0, log.count);
    log.truncateTo(5);
    log.push(7, 8, 9, 1, 2, 3);
    expect(workersView[5]).toBe(500);
    expect(workersLengths[5]).toBe(99);
    expect([log.starts[4], log.starts[5], log.lengths[5], log.count]).toEqual([400, 7, 8, 6]);
  });

  it('are read again from where the truncated rows began, shared or not', () => {
    for (const rows of [100, SHARED_COLUMNS.fromRows + 10]) {
      const log = logOf(rows);
      log.truncateTo(rows - 3);
      expect([log.count, log.indexedEnd, log.scanState.line]).toEqual([rows - 3, 100 * (rows - 3), rows - 1]);
    }
  });

  it('leave the rows a worker reads as they were when the log is reset', () => {
    const log = logOf(SHARED_COLUMNS.fromRows);
    const workersView = log.timestamps.subarray(0, 3);
    log.reset(log.shape);
    log.push(0, 1, 2, 3, 4, 42);
    expect([...workersView]).toEqual([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002]);
    expect([log.count, log.timestamps[0]]).toEqual([1, 42]);
  });
});

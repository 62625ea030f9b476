// What a query hands its worker of a log's rows: the index's own shared columns (nothing copied,
// nothing transferred), or copies the worker takes over.
import { describe, expect, it } from 'vitest';
import { csvLoggerShape } from '../log-index/csv-logger-shape';
import { LogIndex, SHARED_COLUMNS } from '../../../src/main/log-index/log-index';
import { rowColumns } from '../../../src/main/query/worker-rows';

function logOf(rows: number): LogIndex {
  const log = new LogIndex('/nowhere/log.csv', csvLoggerShape('log.csv', 'text,flag,username,timestamp\r\n'));
  for (let row = 0; row < rows; row++) log.push(10 * row, 9, row + 2, -1, -1, NaN);
  return log;
}

describe('rowColumns', () => {
  it("hands a worker views of a large log's shared columns, and nothing to transfer", () => {
    const log = logOf(SHARED_COLUMNS.fromRows + 2);
    const transfer: ArrayBuffer[] = [];
    const member = new Uint8Array(SHARED_COLUMNS.fromRows + 2).fill(1);
    const rows = rowColumns(log, 3, 8, member.subarray(3, 8), transfer);
    expect(rows.starts.buffer).toBe(log.starts.buffer);
    expect(rows.lengths.buffer).toBe(log.lengths.buffer);
    expect([...rows.starts]).toEqual([30, 40, 50, 60, 70]);
    // The member marks are the query's own, not shared: copied and handed over.
    expect(rows.member?.buffer).not.toBe(member.buffer);
    expect(transfer).toEqual([rows.member?.buffer]);
  });

  it("hands a worker copies of a small log's columns, to take over", () => {
    const log = logOf(20);
    const transfer: ArrayBuffer[] = [];
    const rows = rowColumns(log, 3, 8, null, transfer);
    expect(rows.starts.buffer).not.toBe(log.starts.buffer);
    expect([...rows.starts]).toEqual([30, 40, 50, 60, 70]);
    expect([...rows.lengths]).toEqual([9, 9, 9, 9, 9]);
    expect(transfer).toEqual([rows.starts.buffer, rows.lengths.buffer]);
    expect(rows.member).toBeNull();
  });

  it('gives this thread views, whatever the columns are', () => {
    const log = logOf(20);
    const rows = rowColumns(log, 2, 4, null, null);
    expect(rows.starts.buffer).toBe(log.starts.buffer);
    expect([...rows.lengths]).toEqual([9, 9]);
  });
});

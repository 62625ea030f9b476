// One column's values across the logs of a query, numbered as items (log 0's rows, then log 1's…):
// read in one pass from the logs' bytes, or by item for a handful of rows. A log without the
// column gives empty cells; a log the byte scanner does not read (JSON lines) goes through its
// records.
import { undoInjectionEscape } from '../gradio/injection-escape';
import type { LogIndex } from '../log-index/log-index';
import { readRecords } from '../log-index/read-records';
import { forEachValue, wholeValues } from './column-bytes';

/** Calls `visit(item, bytes, from, to)` per item; `bytes` null for an empty cell. */
export type VisitItem = (item: number, bytes: Uint8Array | null, from: number, to: number) => void;

/** Records of a JSON-lines log read per this many rows (its reader is slow; the logs are small). */
const RECORD_BATCH = 10_000;

function cellBytes(cell: string | undefined): Uint8Array | null {
  return cell === undefined || cell === '' ? null : Buffer.from(undoInjectionEscape(cell), 'utf8');
}

export class ColumnSource {
  readonly bases: number[] = [];
  readonly total: number;
  private readonly columns: (number | undefined)[];

  constructor(
    readonly logs: readonly LogIndex[],
    name: string,
  ) {
    let total = 0;
    for (const log of logs) {
      this.bases.push(total);
      total += log.count;
    }
    this.total = total;
    this.columns = logs.map((log) => log.shape.columns.find((c) => c.name === name)?.index);
  }

  /** Every item's value, in item order; other calls may run between logs. */
  async forEach(visit: VisitItem): Promise<void> {
    for (let slot = 0; slot < this.logs.length; slot++) {
      await this.forEachIn(slot, 0, this.logs[slot].count, visit);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The values of rows [first, end) of the log in `slot`, as items. */
  async forEachIn(slot: number, first: number, end: number, visit: VisitItem): Promise<void> {
    const log = this.logs[slot];
    const column = this.columns[slot];
    const base = this.bases[slot];
    if (column === undefined) {
      for (let row = first; row < end; row++) visit(base + row, null, 0, 0);
    } else if (log.source) {
      for (let from = first; from < end; from += RECORD_BATCH) {
        const rows = Array.from({ length: Math.min(RECORD_BATCH, end - from) }, (_, i) => from + i);
        const records = await readRecords(log, rows);
        records.forEach((record, i) => {
          const bytes = cellBytes(record.cells[column]);
          visit(base + rows[i], bytes, 0, bytes?.length ?? 0);
        });
      }
    } else {
      forEachValue(log, column, first, end, (row, bytes, from, to) => visit(base + row, bytes, from, to));
    }
  }

  /**
   * The column's index when the log of `slot` is walked on two threads (row walker plus a worker):
   * a UTF-8 CSV log of at least `minRows` rows that has the column; undefined otherwise.
   */
  splitColumnIn(slot: number, minRows: number): number | undefined {
    const log = this.logs[slot];
    const splits = !log.source && log.shape.dialect.encoding === 'utf-8' && log.count >= minRows;
    return splits ? this.columns[slot] : undefined;
  }

  /** The whole values of `items` (ascending), copied. */
  async valuesOf(items: readonly number[]): Promise<(Uint8Array | null)[]> {
    const out: (Uint8Array | null)[] = [];
    let i = 0;
    for (let slot = 0; slot < this.logs.length && i < items.length; slot++) {
      const end = this.bases[slot] + this.logs[slot].count;
      const rows: number[] = [];
      for (; i < items.length && items[i] < end; i++) rows.push(items[i] - this.bases[slot]);
      if (rows.length === 0) continue;
      const log = this.logs[slot];
      const column = this.columns[slot];
      if (column === undefined) out.push(...rows.map(() => null));
      else if (log.source) out.push(...(await readRecords(log, rows)).map((r) => cellBytes(r.cells[column])));
      else out.push(...wholeValues(log, column, rows));
    }
    return out;
  }
}

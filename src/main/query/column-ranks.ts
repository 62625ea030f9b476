// Sort keys for a plain column over several logs: each row's rank among the column's values (equal
// values share one), from the logs' bytes in one pass each and a radix sort of UTF-8 bytes. Nothing
// is interned: a free-text column costs its values' prefixes while it is sorted, then 4 bytes a row.
import { undoInjectionEscape } from '../gradio/injection-escape';
import { readRecords } from '../log-index/read-records';
import type { LogIndex } from '../log-index/log-index';
import { byteRanks } from './byte-ranks';
import { ColumnBytes, readColumnBytes, wholeValue } from './column-bytes';

/** Values of a log read through a RecordSource (JSON lines): the cells as the reader gives them, whole. */
async function readSourceBytes(
  log: LogIndex,
  column: number,
  out: ColumnBytes,
  first: number,
): Promise<void> {
  const rows = Array.from({ length: log.count }, (_, row) => row);
  const records = await readRecords(log, rows);
  records.forEach((record, row) => {
    const cell = record.cells[column];
    if (cell === undefined || cell === '') return;
    const bytes = Buffer.from(undoInjectionEscape(cell), 'utf8');
    out.put(first + row, bytes, 0, bytes.length, Infinity);
  });
}

/**
 * rank per row of `logs` taken in order (log 0's rows, then log 1's…), 0 for an empty cell or a log
 * without the column. Ranks compare across the logs.
 */
export async function columnRanks(logs: readonly LogIndex[], name: string): Promise<Uint32Array> {
  const bases: number[] = [];
  let total = 0;
  for (const log of logs) {
    bases.push(total);
    total += log.count;
  }
  const values = new ColumnBytes(total);
  const columns = logs.map((log) => log.shape.columns.find((c) => c.name === name)?.index);
  for (let slot = 0; slot < logs.length; slot++) {
    const column = columns[slot];
    if (column === undefined) continue;
    if (logs[slot].source) await readSourceBytes(logs[slot], column, values, bases[slot]);
    else readColumnBytes(logs[slot], column, values, bases[slot]);
    // Let other calls run between logs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const wholes = new Map<number, Uint8Array>();
  const whole = (value: number): Uint8Array => {
    let bytes = wholes.get(value);
    if (!bytes) {
      const item = values.firstItem[value];
      let slot = bases.length - 1;
      while (bases[slot] > item) slot--;
      bytes = wholeValue(logs[slot], columns[slot] as number, item - bases[slot]);
      wholes.set(value, bytes);
    }
    return bytes;
  };
  const valueRanks = byteRanks(values, (a, b) => Buffer.compare(whole(a), whole(b)));
  const ranks = new Uint32Array(total);
  const { valueOf } = values;
  for (let item = 0; item < total; item++) {
    const value = valueOf[item];
    ranks[item] = value < 0 ? 0 : valueRanks[value];
  }
  return ranks;
}

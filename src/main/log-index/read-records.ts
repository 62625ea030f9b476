// Reads given rows of an indexed log back from the file by byte offset, with every cell decoded.
import { fs } from '../platform/node-fs';
import type { RawRecord } from '../gradio/log-model';
import { decodeCellBytes } from '../gradio/cell-text';
import { recordHash } from '../gradio/record-hash';
import { newlineByte, recordBodyEnd, type NewlineByte } from '../gradio/line-end';
import { FieldBounds, scanCsv } from '../scan/csv-scan';
import { fieldBytes } from '../scan/csv-field';
import type { LogIndex } from './log-index';
import { readWithSource } from './source-index';
import { cellProblemIssue, strayQuoteIssue, unclosedQuoteIssue } from '../scan/record-issues';

/** The reader's row hash: of the record's bytes without its line terminator. */
export function rowHash(buf: Buffer, start: number, end: number, newline: NewlineByte): string {
  return recordHash(buf.subarray(start, recordBodyEnd(buf, start, end, newline)));
}

/** Rows closer than this are read in one go. */
const GAP_BYTES = 64 * 1024;

function decodeRecord(log: LogIndex, row: number, buf: Buffer, at: number): RawRecord {
  const { quote: quoteChar, encoding } = log.shape.dialect;
  const quote = quoteChar.charCodeAt(0);
  const length = log.lengths[row];
  const bounds = new FieldBounds();
  const cells: string[] = [];
  let error: RawRecord['error'];
  const line = log.lines[row];
  const state = { line };
  scanCsv(
    buf,
    at,
    at + length,
    { quote, final: true, newline: newlineByte(log.shape.dialect) },
    state,
    bounds,
    (_s, _e, _line, count, unclosed, stray) => {
      if (cells.length > 0) return;
      if (unclosed) {
        error = unclosedQuoteIssue(line, count + 1);
        return;
      }
      if (stray >= 0) error = strayQuoteIssue(line, stray + 1);
      for (let i = 0; i < count; i++) {
        const decoded = decodeCellBytes(
          fieldBytes(buf, bounds.starts[i], bounds.ends[i], quote).toString('latin1'),
          encoding,
        );
        cells.push(decoded.text);
        if (decoded.problem && !error) error = cellProblemIssue(line, i + 1, decoded.problem);
      }
    },
  );
  const start = log.starts[row];
  const record: RawRecord = {
    cells,
    line,
    start,
    end: start + length,
    hash: rowHash(buf, at, at + length, newlineByte(log.shape.dialect)),
  };
  if (error) record.error = error;
  return record;
}

/**
 * Visits each of `rows` (0-based, any order) with the buffer holding its bytes and where they start
 * in it. Rows that sit near each other in the file are read in one go. Reads are synchronous: a
 * page is a few small reads from the page cache, quicker than three thread-pool round trips per call.
 */
function visitRowBytes(
  log: LogIndex,
  rows: readonly number[],
  visit: (index: number, buf: Buffer, at: number) => void,
): void {
  const order = rows.map((row, i) => i).sort((a, b) => rows[a] - rows[b]);
  const fd = fs.openSync(log.path, 'r');
  try {
    let i = 0;
    while (i < order.length) {
      let j = i + 1;
      const first = rows[order[i]];
      let last = first;
      while (j < order.length) {
        const next = rows[order[j]];
        if (log.starts[next] - (log.starts[last] + log.lengths[last]) > GAP_BYTES) break;
        last = next;
        j++;
      }
      const from = log.starts[first];
      const to = log.starts[last] + log.lengths[last];
      const buf = Buffer.allocUnsafe(to - from);
      const bytesRead = fs.readSync(fd, buf, 0, buf.length, from);
      if (bytesRead < buf.length)
        throw new Error(`${log.path}: the file is shorter than its index (it changed)`);
      for (let k = i; k < j; k++) visit(order[k], buf, log.starts[rows[order[k]]] - from);
      i = j;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The records of `rows` (0-based, any order), in that order, every cell decoded. */
export async function readRecords(log: LogIndex, rows: readonly number[]): Promise<RawRecord[]> {
  if (log.source) return readWithSource(log, log.source, rows);
  const out = new Array<RawRecord>(rows.length);
  visitRowBytes(log, rows, (index, buf, at) => {
    out[index] = decodeRecord(log, rows[index], buf, at);
  });
  return out;
}

/** The row hash of each of `rows`, in that order, from the rows' bytes (no cell is decoded). */
export async function readRowHashes(log: LogIndex, rows: readonly number[]): Promise<string[]> {
  if (log.source) return (await readWithSource(log, log.source, rows)).map((record) => record.hash);
  const out = new Array<string>(rows.length);
  const newline = newlineByte(log.shape.dialect);
  visitRowBytes(log, rows, (index, buf, at) => {
    out[index] = rowHash(buf, at, at + log.lengths[rows[index]], newline);
  });
  return out;
}

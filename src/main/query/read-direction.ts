// Which end of its records a column is found from. A log whose rows all have as many fields and no
// quote kept literally (LogIndex.uniformFields) reads the same both ways, and a column past long
// cells (a Gradio log's inputs come first: prompts, JSON of files) is found sooner from the end.
// Which way walks fewer bytes is measured once per log and column on its first rows.
import { fs } from '../platform/node-fs';
import type { LogIndex } from '../log-index/log-index';
import { newFoundField, plainField } from './plain-field';

/** Rows measured to choose. */
const SAMPLE_ROWS = 64;

/** Per log, per column: found from the end. Chosen anew when the log is re-indexed (its shape may differ). */
const chosen = new WeakMap<LogIndex, { generation: number; byColumn: Map<number, boolean> }>();

/** ColumnRows.fields for `column` of `log`: its rows' field count when it is found from their ends, else 0. */
export function fromEndFields(log: LogIndex, column: number): number {
  const fields = log.uniformFields();
  if (fields === 0 || column >= fields) return 0;
  let kept = chosen.get(log);
  if (kept?.generation !== log.generation)
    chosen.set(log, (kept = { generation: log.generation, byColumn: new Map() }));
  const { byColumn } = kept;
  let fromEnd = byColumn.get(column);
  if (fromEnd === undefined) byColumn.set(column, (fromEnd = fewerBytesFromEnd(log, column)));
  return fromEnd ? fields : 0;
}

/** Whether the first rows hold fewer bytes after field `column` than before it. */
function fewerBytesFromEnd(log: LogIndex, column: number): boolean {
  const rows = Math.min(log.count, SAMPLE_ROWS);
  if (rows === 0) return false;
  const at = log.starts[0];
  const bytes = log.starts[rows - 1] + log.lengths[rows - 1] - at;
  const buf = Buffer.allocUnsafe(bytes);
  const fd = fs.openSync(log.path, 'r');
  try {
    if (fs.readSync(fd, buf, 0, bytes, at) < bytes) return false;
  } finally {
    fs.closeSync(fd);
  }
  const quote = log.shape.dialect.quote.charCodeAt(0);
  const found = newFoundField();
  let before = 0;
  let after = 0;
  for (let row = 0; row < rows; row++) {
    const start = log.starts[row] - at;
    const end = start + log.lengths[row];
    if (!plainField(buf, start, end, column, quote, found)) continue;
    before += found.start - start;
    after += end - found.end;
  }
  return after < before;
}

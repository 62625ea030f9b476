// Logs the byte scanner does not read (the HF saver's `metadata.jsonl`) are indexed through the
// reader's RecordSource instead: same columns, same queries, a slower path for small files.
import type { LogShape, RawRecord, RecordSource } from '../gradio/log-model';
import { roleCell } from '../gradio/role-cells';
import { undoInjectionEscape } from '../gradio/injection-escape';
import type { SharedInterners } from './apply-scan';
import { NO_VALUE, type Interner } from './intern';
import type { LogIndex } from './log-index';
import { timestampFromBytes } from '../scan/timestamp-key';

function codeOf(interner: Interner, cells: string[], column: number | undefined): number {
  if (column === undefined || column >= cells.length || cells[column] === '') return NO_VALUE;
  return interner.code(undoInjectionEscape(cells[column]));
}

function cellsOfRoles(roles: LogShape['roles'], cells: number) {
  return {
    flag: roleCell(roles, 'flag', cells),
    username: roleCell(roles, 'username', cells),
    timestamp: roleCell(roles, 'timestamp', cells),
  };
}

/** Indexes records from `log.indexedEnd` on through `source`. Returns the rows added. */
export async function indexWithSource(
  log: LogIndex,
  source: RecordSource,
  interners: SharedInterners,
  final: boolean,
): Promise<number> {
  const before = log.count;
  const options = { start: log.indexedEnd, line: log.scanState.line, final };
  for await (const record of source.records(log.path, log.shape.dialect, options)) {
    log.indexedEnd = record.end;
    log.scanState = { line: record.line + 1 };
    if (record.cells.length === 0) {
      if (record.error) log.errors.push(record.error);
      continue;
    }
    const { flag, username, timestamp } = cellsOfRoles(log.shape.roles, record.cells.length);
    const time =
      timestamp !== undefined && record.cells[timestamp] !== undefined ? record.cells[timestamp] : '';
    log.push(
      record.start,
      record.end - record.start,
      record.line,
      codeOf(interners.reasons, record.cells, flag),
      codeOf(interners.usernames, record.cells, username),
      timestampFromBytes(Buffer.from(time, 'latin1'), 0, time.length),
    );
    log.tailUnterminated = record.eol === undefined;
  }
  return log.count - before;
}

/** The records of `rows` (0-based), in that order, read through `source`. */
export async function readWithSource(
  log: LogIndex,
  source: RecordSource,
  rows: readonly number[],
): Promise<RawRecord[]> {
  return Promise.all(
    rows.map(async (row) => {
      const options = { start: log.starts[row], line: log.lines[row], final: true };
      for await (const record of source.records(log.path, log.shape.dialect, options)) return record;
      throw new Error(`${log.path}: row ${row + 1} is no longer there (the file changed)`);
    }),
  );
}

// The LogInfo of the API contract for an indexed log.
import type { LogInfo } from '../../shared/model';
import type { LogIndex } from '../log-index/log-index';

/** At most this many errors per log are listed (the count of rows is exact either way). */
export const MAX_LISTED_ERRORS = 200;

/**
 * Each log's last LogInfo, with what it was made from: a log that did not change since is the same
 * object in the next snapshot, which the hosts send as kept (shared/workspace-delta.ts).
 */
const made = new WeakMap<LogIndex, { from: unknown[]; info: LogInfo }>();

export function logInfo(log: LogIndex): LogInfo {
  const { shape } = log;
  // Arrays by identity and length: the index appends to them (a wider row, a new error).
  const from: unknown[] = [log.file, shape, shape.columns.length, shape.issues.length, shape.warnings.length];
  from.push(log.errors, log.errors.length, log.count, log.indexedEnd, log.size);
  const last = made.get(log);
  if (last && last.from.every((value, i) => value === from[i])) return last.info;
  const info = {
    file: log.file,
    layout: shape.layout,
    rows: log.count,
    columns: shape.columns,
    errors: [...shape.issues, ...log.errors].slice(0, MAX_LISTED_ERRORS),
    warnings: shape.warnings,
    bytesIndexed: log.indexedEnd,
    bytesTotal: Math.max(log.size, log.indexedEnd),
  };
  made.set(log, { from, info });
  return info;
}

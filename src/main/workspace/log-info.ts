// The LogInfo of the API contract for an indexed log.
import type { LogInfo } from '../../shared/model';
import type { LogIndex } from '../log-index/log-index';

/** At most this many errors per log are listed (the count of rows is exact either way). */
export const MAX_LISTED_ERRORS = 200;

export function logInfo(log: LogIndex): LogInfo {
  const errors = [...log.shape.issues, ...log.errors].slice(0, MAX_LISTED_ERRORS);
  return {
    file: log.file,
    layout: log.shape.layout,
    rows: log.count,
    columns: log.shape.columns,
    errors,
    warnings: log.shape.warnings,
    bytesIndexed: log.indexedEnd,
    bytesTotal: Math.max(log.size, log.indexedEnd),
  };
}

// What the query engine's caches are keyed on and how much each entry costs.
import type { ColumnMatches } from './column-matches';
import type { TextMatches } from './text-search';
import type { RowRefs } from './row-refs';
import { heldBytes } from './mapped-arrays';
import { LogsVersions } from './logs-version';

/** What dataVersion and ranksVersion read of a QueryLog. */
interface VersionedLog {
  log: { count: number; generation: number };
  overlay: { version: number };
}

// The log and the overlay by identity: one reopened or re-indexed is another state.
const dataVersions = new LogsVersions<VersionedLog>((q, into) => {
  into[0] = q.log;
  into[1] = q.log.count;
  into[2] = q.log.generation;
  into[3] = q.overlay;
  into[4] = q.overlay.version;
});
const ranksVersions = new LogsVersions<VersionedLog>((q, into) => {
  into[0] = q.log;
  into[1] = q.log.count;
  into[2] = q.log.generation;
});

/** Changes whenever rows are appended, a log is re-indexed or reopened, or a review edit lands. */
export const dataVersion = (logs: VersionedLog[]): string => dataVersions.nameOf(logs);

/** As dataVersion, but review edits leave it (a column's ranks do not depend on them). */
export const ranksVersion = (logs: VersionedLog[]): string => ranksVersions.nameOf(logs);

/**
 * What the engine's caches (recent selections, row bits of searches and column filters, a column's
 * ranks, kept sort orders) may hold in all; the least recently used go first. A selection costs 4
 * bytes a matching row over one log (8 over several), ranks and an order 4 bytes a row, a search's
 * or filter's row bits 1: over a 1M-row log, ranks or orders of three columns. Before a column's
 * ranks are built, the cache makes room for their working set (column-ranks.ts), so the two never
 * add up: about 12 + 26 bytes a row at most. The bench's process, after every search and sort of
 * its 1M-row log, peaked at 0.49 x the log's size with 12 MB, 0.49-0.50 x with 16 and 0.51-0.52 x
 * with 24; the ranks of a column sorted again after eviction cost one ranking (0.2-0.8 s there).
 */
export const CACHE_BYTES = 12 * 1024 * 1024;

/**
 * Bytes the caches drop before the engine asks for a collection: eight selections of every row of a
 * 1M-row log. A collection costs 5-20 ms, so a new query of 20-40 ms pays one now and then only;
 * without one, dropped arrays of a long-lived cache stay until V8 sees 64 MB more external memory
 * (collect-garbage.ts).
 */
export const COLLECT_AFTER_BYTES = 32 * 1024 * 1024;

/** Every row's global number (log base + row) in one sort's order. */
export interface KeptOrder {
  version: string;
  global: Uint32Array;
}

/** A column's ranks over the rows of some logs as they were (both directions of a sort share them). */
export interface KeptRanks {
  version: string;
  ranks: Uint32Array;
}

/** A query's matching rows (query.ts's Selection). */
interface KeptSelection {
  refs: RowRefs;
  logs: unknown[];
}

export type Cached = TextMatches | ColumnMatches | KeptOrder | KeptRanks | KeptSelection;

export const bytesOf = (value: Cached): number =>
  'hits' in value
    ? value.hits.byteLength
    : 'ranks' in value
      ? value.ranks.byteLength
      : 'refs' in value
        ? heldBytes(value.refs)
        : value.global.byteLength;

// What the query engine's caches are keyed on and how much each entry costs.
import type { ColumnMatches } from './column-matches';
import type { TextMatches } from './text-search';

/** A serial per index object, so a folder closed and opened again never matches its old self. */
const serials = new WeakMap<object, number>();
let nextSerial = 0;
export function serialOf(object: object): number {
  let serial = serials.get(object);
  if (serial === undefined) serials.set(object, (serial = nextSerial++));
  return serial;
}

/** Changes whenever rows are appended, a log is re-indexed or reopened, or a review edit lands. */
/** What dataVersion reads of a QueryLog. */
interface VersionedLog {
  key: string;
  log: { count: number; generation: number };
  overlay: { version: number };
}

export function dataVersion(logs: VersionedLog[]): string {
  return logs
    .map(
      (q) =>
        `${q.key}:${serialOf(q.log)}:${q.log.count}:${q.log.generation}:${serialOf(q.overlay)}:${q.overlay.version}`,
    )
    .join('|');
}

/**
 * What the engine's caches (row bits of searches and column filters, kept sort orders) may hold in
 * all; the least recently used go first. A kept order costs 12 bytes a row, a bit set 1.
 */
export const CACHE_BYTES = 48 * 1024 * 1024;

export interface KeptOrder {
  version: string;
  refs: Float64Array;
  global: Uint32Array;
}

/** A column's ranks over the rows of some logs as they were (both directions of a sort share them). */
export interface KeptRanks {
  version: string;
  ranks: Uint32Array;
}

export type Cached = TextMatches | ColumnMatches | KeptOrder | KeptRanks;

export const bytesOf = (value: Cached): number =>
  'hits' in value
    ? value.hits.byteLength
    : 'ranks' in value
      ? value.ranks.byteLength
      : value.refs.byteLength + value.global.byteLength;

// What a scan of one byte range of a log is given (ScanJob, ScanHelpers) and gives back
// (ScanResult); range-scanner.ts does the scanning.
import type { roleCell } from '../gradio/role-cells';
import type { LogShape } from '../gradio/log-model';
import type { FieldBounds, OnRecord, scanCsv, ScanState } from './csv-scan';
import type { AssetCells, AssetCellsJob, assetCellsCollector } from './asset-cells';
import type { refHash } from './ref-hash';
import type { sortHashes } from './sort-hashes';
import type { RecordAudit, RecordAuditJob, recordAuditor } from './record-audit';

export type { AssetCells, AssetCellsJob, RecordAudit, RecordAuditJob };

export interface ScanHelpers {
  scanCsv: typeof scanCsv;
  FieldBounds: new () => FieldBounds;
  fieldBytes: (buf: Buffer, start: number, end: number, quote: number) => Buffer;
  timestampFromBytes: (buf: Uint8Array, start: number, end: number) => number;
  roleCell: typeof roleCell;
  assetCellsCollector: typeof assetCellsCollector;
  refHash: typeof refHash;
  sortHashes: typeof sortHashes;
  recordAuditor: typeof recordAuditor;
  /** The per-record work in WebAssembly (csv-scan-wasm.ts), where the scanner has it. */
  indexCsv?: IndexCsv;
  /** Where to read a range's bytes for indexCsv, where the scanner has it (ReadArea). */
  readArea?: ReadArea;
  isUtf8: (bytes: Uint8Array) => boolean;
  readSync: (fd: number, buf: Uint8Array, offset: number, length: number, position: number) => number;
}

export interface ScanJob {
  fd: number;
  quote: number;
  /** The record-ending byte: 13 in a lone-CR log, else 10 (gradio/line-end.ts). */
  newline?: number;
  from: number;
  /** Scan up to here; a record running past it is left for later unless `final`. */
  to: number;
  /** `to` is the end of the file and a last record without terminator counts. */
  final: boolean;
  state: ScanState;
  roles: LogShape['roles'];
  /**
   * The pass reads no roles (IndexPass.withoutRoles): the reason, username and time columns are
   * left unwritten, their memory untouched (16 bytes a row: `flagdeck inspect --no-cache` of a
   * 1M-row log peaked 15 MB lower), and hold nothing of the rows.
   */
  rolesLeftOut?: boolean;
  chunkBytes: number;
  /** Rows the range probably holds (sizes the columns once instead of growing them). */
  expectedRows?: number;
  /** Fill these shared columns instead of columns of its own, until they are full (then it copies). */
  into?: ScanInto;
  /** Also collect the distinct cells of these columns (`flagdeck inspect` counts their assets). */
  assets?: AssetCellsJob;
  /** Also audit the records (`flagdeck inspect` reports ragged rows, mixed line ends, bad bytes). */
  audit?: RecordAuditJob;
}

/** Shared columns (one buffer per column, as ScanResult's) and the rows a scan may fill there. */
export interface ScanInto {
  buffers: Record<ColumnName, SharedArrayBuffer>;
  /** The scan's row 0 goes to this row of the buffers. */
  at: number;
  /** Rows it may write from there. */
  room: number;
}

export type ColumnName = 'starts' | 'lengths' | 'lines' | 'reasons' | 'usernames' | 'timestamps';

/** An AssetCellsJob and where each scanned range's cells go. */
export interface AssetCellsCollector {
  job: AssetCellsJob;
  take(cells: AssetCells): void;
}

/** A RecordAuditJob and where each scanned range's audit goes. */
export interface RecordAuditCollector {
  job: RecordAuditJob;
  /** `firstRow`: the log's row of the range's row 0; `lineOffset`: added to the range's lines. */
  take(audit: RecordAudit, firstRow: number, lineOffset: number): void;
}

/**
 * Rows with a quote kept literally (OnRecord's `stray` other than -1), and the fewest and most
 * fields of a row. A log whose rows all have as many fields and no such quote can be read from a
 * record's end (query/plain-field.ts).
 */
export interface RowLayout {
  oddRows: number;
  fewestFields: number;
  mostFields: number;
}

/** Rows as columns: each array's first `count` entries (the arrays may be longer). */
export interface RowColumns {
  count: number;
  starts: Float64Array;
  lengths: Uint32Array;
  lines: Uint32Array;
  reasons: Int32Array;
  usernames: Int32Array;
  timestamps: Float64Array;
}

/** Columns of the records found, role cells as raw bytes (latin1) interned per job. */
export interface ScanResult extends RowColumns {
  reasonRaws: string[];
  usernameRaws: string[];
  /** Offset past the last record, and the scanner state there. */
  end: number;
  state: ScanState;
  /** Problem records, as triples (line, 1-based field, 0 quote left open | 1 text after closing quote | 2 over 8 MiB). */
  quoteIssues: number[];
  /** The last record had no line terminator. */
  tailUnterminated: boolean;
  /** How the rows are written (see RowLayout). */
  layout: RowLayout;
  /** The rows are in `job.into`'s shared columns (they had room; else the arrays are its own). */
  filledInto: boolean;
  /** What `job.assets` asked for. */
  assetCells?: AssetCells;
  /** What `job.audit` asked for. */
  audit?: RecordAudit;
}

/**
 * Scans `buf[start, limit)` as scanCsv does (`options.base`: where `buf` starts in the file),
 * doing the per-record work of most records itself
 * (record-index.c): their rows come in batches (IndexSink.rows), the others go to `onRecord`. Null
 * when it cannot take this scan (the caller runs scanCsv with onRecord then).
 */
export type IndexCsv = (
  buf: Buffer,
  start: number,
  limit: number,
  options: { quote: number; final: boolean; newline?: number; base: number },
  state: ScanState,
  bounds: FieldBounds,
  sink: IndexSink,
) => number | null;

/**
 * A view of the WebAssembly instance's copy area for `bounds`, `bytes` long, ready for `sink`'s job
 * (its census set, which may grow the memory: a view taken before would be cut off): bytes read
 * into it are scanned where they are. Undefined where `bounds` has no instance or too small a one.
 */
export type ReadArea = (bounds: FieldBounds, bytes: number, sink: IndexSink) => Buffer | undefined;

/** What a range scanner gives IndexCsv: its job, its per-record function and where rows go. */
export interface IndexSink {
  /** Changes with each job: the per-job state (role values known, the audit's) starts again. */
  range: number;
  roles: ScanJob['roles'];
  assets: AssetCellsJob | undefined;
  audit: RecordAuditJob | undefined;
  onRecord: OnRecord;
  /** The reason and username codes onRecord gave the row it added last. */
  lastCodes(): [number, number];
  rows(batch: IndexBatch): void;
}

/** Rows the WebAssembly index wrote (starts in the file: options.base added), views valid until the next call. */
export interface IndexBatch extends RowColumns {
  /** The census's missing hashes of these rows, in row order. */
  missing: Float64Array;
  fewestFields: number;
  mostFields: number;
}

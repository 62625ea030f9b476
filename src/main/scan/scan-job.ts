// Scans one byte range of a log into plain columns. It runs in the main thread and in worker
// threads alike: everything it calls comes in through `ScanHelpers`, so that its source text can be
// shipped to a worker (see ../log-index/scan-workers.ts) without the module system.
import type { roleCell } from '../gradio/role-cells';
import type { LogShape } from '../gradio/log-model';
import type { FieldBounds, OnRecord, scanCsv, ScanState } from './csv-scan';
import type { AssetCells, AssetCellsJob, assetCellsCollector, refHash } from './asset-cells';
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
  recordAuditor: typeof recordAuditor;
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

/** Columns of the records found, role cells as raw bytes (latin1) interned per job. */
export interface ScanResult {
  /** Rows found; the arrays may be longer. */
  count: number;
  starts: Float64Array;
  lengths: Uint32Array;
  lines: Uint32Array;
  reasons: Int32Array;
  usernames: Int32Array;
  timestamps: Float64Array;
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

export function scanRange(job: ScanJob, helpers: ScanHelpers): ScanResult {
  const { scanCsv, fieldBytes, timestampFromBytes, readSync, roleCell } = helpers;
  const bounds = new helpers.FieldBounds();
  const { roles } = job;
  const quote = job.quote;
  const newline = job.newline ?? 10;
  const state = { line: job.state.line };
  const into = job.into;
  let capacity = into ? into.room : Math.max(1024, job.expectedRows ?? 0);
  // Views of the shared columns, or columns of its own (the first grow() moves to its own).
  const column = <T>(
    make: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
    name: ColumnName,
    width: number,
  ): T =>
    into
      ? new make(into.buffers[name], into.at * width, capacity)
      : new make(new ArrayBuffer(capacity * width), 0, capacity);
  let starts: Float64Array = column(Float64Array, 'starts', 8);
  let lengths: Uint32Array = column(Uint32Array, 'lengths', 4);
  let lines: Uint32Array = column(Uint32Array, 'lines', 4);
  let reasons: Int32Array = column(Int32Array, 'reasons', 4);
  let usernames: Int32Array = column(Int32Array, 'usernames', 4);
  let timestamps: Float64Array = column(Float64Array, 'timestamps', 8);
  const reasonRaws: string[] = [];
  const usernameRaws: string[] = [];
  const reasonCodes = new Map<string, number>();
  const usernameCodes = new Map<string, number>();
  const quoteIssues: number[] = [];
  let count = 0;
  let tailUnterminated = false;
  const layout: RowLayout = { oddRows: 0, fewestFields: 0x7fffffff, mostFields: 0 };
  const grow = (): void => {
    capacity = Math.max(1024, capacity * 2);
    const f = (a: Float64Array): Float64Array => {
      const n = new Float64Array(capacity);
      n.set(a);
      return n;
    };
    const u = (a: Uint32Array): Uint32Array => {
      const n = new Uint32Array(capacity);
      n.set(a);
      return n;
    };
    const i = (a: Int32Array): Int32Array => {
      const n = new Int32Array(capacity);
      n.set(a);
      return n;
    };
    starts = f(starts);
    timestamps = f(timestamps);
    lengths = u(lengths);
    lines = u(lines);
    reasons = i(reasons);
    usernames = i(usernames);
  };
  let buf = Buffer.allocUnsafe(Math.max(1, Math.min(job.chunkBytes, job.to - job.from)));
  let carry = 0;
  let position = job.from;
  let end = job.from;
  let base = job.from;
  // Short values are looked up by a hash of their bytes (checked byte by byte), so that a million
  // rows do not make a million strings; longer ones by their text.
  const intern = (
    codes: Map<string, number>,
    byHash: Map<number, number>,
    raws: string[],
    column: number | undefined,
    n: number,
  ): number => {
    if (column === undefined || column >= n) return -1;
    const s = bounds.starts[column];
    const e = bounds.ends[column];
    if (s === e) return -1;
    const short = e - s <= 48;
    let hash = 0x811c9dc5;
    if (short) {
      for (let i = s; i < e; i++) hash = Math.imul(hash ^ buf[i], 0x01000193);
      const known = byHash.get(hash);
      if (known !== undefined) {
        const seen = raws[known];
        let same = seen.length === e - s;
        for (let i = 0; same && i < seen.length; i++) same = seen.charCodeAt(i) === buf[s + i];
        if (same) return known;
      }
    }
    const raw = buf.toString('latin1', s, e);
    let code = codes.get(raw);
    if (code === undefined) {
      code = raws.length;
      raws.push(raw);
      codes.set(raw, code);
    }
    if (short) byHash.set(hash, code);
    return code;
  };
  const reasonHashes = new Map<number, number>();
  const usernameHashes = new Map<number, number>();
  const assets = job.assets
    ? helpers.assetCellsCollector(job.assets, quote, fieldBytes, helpers.refHash)
    : undefined;
  const auditor = job.audit ? helpers.recordAuditor(job.audit, newline, helpers.isUtf8) : undefined;
  const onRecord: OnRecord = (start, recordEnd, line, n, unclosed, stray, tooLarge) => {
    // A record that could not be read is not a row.
    if (unclosed) {
      quoteIssues.push(line, n + 1, tooLarge ? 2 : 0);
      return;
    }
    if (stray >= 0 && quoteIssues.length < 3000) quoteIssues.push(line, stray + 1, 1);
    if (stray !== -1) layout.oddRows++;
    if (n < layout.fewestFields) layout.fewestFields = n;
    if (n > layout.mostFields) layout.mostFields = n;
    if (count === capacity) grow();
    const flag = roleCell(roles, 'flag', n);
    const username = roleCell(roles, 'username', n);
    const timestamp = roleCell(roles, 'timestamp', n);
    let time = NaN;
    if (timestamp !== undefined && timestamp < n) {
      const s = bounds.starts[timestamp];
      const e = bounds.ends[timestamp];
      if (buf[s] === quote) {
        const bytes = fieldBytes(buf, s, e, quote);
        time = timestampFromBytes(bytes, 0, bytes.length);
      } else time = timestampFromBytes(buf, s, e);
    }
    starts[count] = base + start;
    lengths[count] = recordEnd - start;
    lines[count] = line;
    reasons[count] = intern(reasonCodes, reasonHashes, reasonRaws, flag, n);
    usernames[count] = intern(usernameCodes, usernameHashes, usernameRaws, username, n);
    timestamps[count] = time;
    assets?.add(buf, bounds, n);
    auditor?.add(buf, recordEnd, line, n, count);
    count++;
    const last = buf[recordEnd - 1];
    tailUnterminated = newline === 13 ? last !== 13 : last !== 10 && last !== 13;
  };
  while (position < job.to) {
    if (carry === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, carry);
      buf = bigger;
    }
    const bytesRead = readSync(job.fd, buf, carry, Math.min(buf.length - carry, job.to - position), position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const limit = carry + bytesRead;
    base = position - limit;
    const final = job.final && position >= job.to;
    const firstRow = count;
    const stop = scanCsv(buf, 0, limit, { quote, final, newline }, state, bounds, onRecord);
    auditor?.chunk(buf, stop, firstRow, starts, lengths, count, base);
    end = base + stop;
    carry = limit - stop;
    if (carry > 0) buf.copyWithin(0, stop, limit);
  }
  if (count > 0 && starts[count - 1] + lengths[count - 1] !== end) tailUnterminated = false;
  return {
    // Whole arrays (no copies): readers use the first `count` entries.
    count,
    starts,
    lengths,
    lines,
    reasons,
    usernames,
    timestamps,
    reasonRaws,
    usernameRaws,
    end,
    state,
    quoteIssues,
    tailUnterminated,
    layout,
    filledInto: into !== undefined && starts.buffer === into.buffers.starts,
    ...(assets ? { assetCells: assets.result() } : {}),
    ...(auditor ? { audit: auditor.result() } : {}),
  };
}

// The columnar index of one log: per row only numbers (byte offsets, line, interned reason and
// username codes, timestamp); a page's cells are read back from the file by offset when asked.
import type { LogIssue } from '../../shared/model';
import type { LogShape, RecordSource } from '../gradio/log-model';
import type { ScanState } from '../scan/csv-scan';
import type { RowLayout } from '../scan/scan-job';
import { copied, grown } from './growable';
import { dataChanged } from '../platform/data-changes';

/**
 * From this many rows on, the columns are shared memory: a query's worker reads the rows it walks
 * where they are, instead of a copy of them made for it (query/worker-rows.ts). Tests lower it.
 */
export const SHARED_COLUMNS = { fromRows: 65_536 };

/** The layout of no rows yet. */
export const noRowsLayout = (): RowLayout => ({ oddRows: 0, fewestFields: 0x7fffffff, mostFields: 0 });

/**
 * Rows a new log has room for: the HF saver writes a one-row log per flagged sample, and 5,000 of
 * them held 160 MB with room for 1,024 rows each. The columns grow to 1,024 rows, then double.
 */
const FIRST_ROOM = 16;

/** A log file as a follow refresh saw it: size, modification time, inode, and when. */
export interface SeenFile {
  size: number;
  mtimeMs: number;
  ino: number;
  at: number;
}

export class LogIndex {
  private rows = 0;
  private dropped = 0;
  // Typed over any buffer: a worker's transferred result columns can be adopted as they are.
  starts: Float64Array = new Float64Array(FIRST_ROOM);
  lengths: Uint32Array = new Uint32Array(FIRST_ROOM);
  lines: Uint32Array = new Uint32Array(FIRST_ROOM);
  reasons: Int32Array = new Int32Array(FIRST_ROOM);
  usernames: Int32Array = new Int32Array(FIRST_ROOM);
  timestamps: Float64Array = new Float64Array(FIRST_ROOM);
  /** File offset just past the last indexed record, and the scanner state there. */
  indexedEnd: number;
  scanState: ScanState;
  /** File size when last looked at. */
  size = 0;
  /** The bytes just before `indexedEnd` when it was last read, to notice a rewrite. */
  tail: Buffer = Buffer.alloc(0);
  /** The last row was read without its line terminator (the file ended there for a while). */
  tailUnterminated = false;
  /** The file as the last follow refresh left it (refresh-log.ts), until rows are dropped. */
  seen: SeenFile | undefined;
  /** The file was rewritten and is not yet complete enough to read its header again. */
  needsShape = false;
  errors: LogIssue[] = [];

  /** Rows indexed. Each change is counted (platform/data-changes.ts). */
  get count(): number {
    return this.rows;
  }
  set count(rows: number) {
    this.rows = rows;
    dataChanged();
  }

  /** Bumped whenever rows are dropped (the log was rewritten), so caches keyed on it go stale. */
  get generation(): number {
    return this.dropped;
  }
  set generation(generation: number) {
    this.dropped = generation;
    dataChanged();
  }
  /** Set for logs the byte scanner does not read (JSON lines): records come from this source. */
  source?: RecordSource;
  /**
   * How the rows are written, over every scan of them (null: not known, for rows restored from an
   * index file that does not say, or read as records).
   */
  layout: RowLayout | null = noRowsLayout();

  constructor(
    /** Absolute path of the log file. */
    readonly path: string,
    public shape: LogShape,
  ) {
    this.indexedEnd = shape.dataStart;
    this.scanState = { line: shape.dataLine };
  }

  get file(): string {
    return this.shape.file;
  }

  /**
   * How many fields every row has, when all have as many and none holds a quote kept literally
   * (a field can then be found from a record's end), else 0.
   */
  uniformFields(): number {
    const layout = this.layout;
    if (layout === null || this.count === 0 || layout.oddRows > 0) return 0;
    return layout.fewestFields === layout.mostFields ? layout.mostFields : 0;
  }

  /** Adds the layout of rows scanned since (`replace`: they are every row, from the data start). */
  noteLayout(scanned: RowLayout, replace = false): void {
    const layout = replace ? noRowsLayout() : this.layout;
    if (layout === null) return;
    this.layout = {
      oddRows: layout.oddRows + scanned.oddRows,
      fewestFields: Math.min(layout.fewestFields, scanned.fewestFields),
      mostFields: Math.max(layout.mostFields, scanned.mostFields),
    };
  }

  push(
    start: number,
    length: number,
    line: number,
    reason: number,
    username: number,
    timestamp: number,
  ): void {
    const row = this.count;
    // Rows read as records (JSON lines): how they are written is not known.
    this.layout = null;
    if (row === this.starts.length) this.growTo(row + 1);
    this.starts[row] = start;
    this.lengths[row] = length;
    this.lines[row] = line;
    this.reasons[row] = reason;
    this.usernames[row] = username;
    this.timestamps[row] = timestamp;
    this.count = row + 1;
  }

  /** Makes room for `rows` rows in all (one allocation instead of repeated doubling). */
  reserve(rows: number): void {
    if (rows > this.starts.length) this.growTo(rows, true);
  }

  /** Appends rows from columns (bulk copies); `lineOffset` is added to each line. */
  append(
    count: number,
    columns: { starts: Float64Array; lengths: Uint32Array; lines: Uint32Array; timestamps: Float64Array },
    lineOffset: number,
    reasonOf: (i: number) => number,
    usernameOf: (i: number) => number,
  ): void {
    const at = this.count;
    if (at + count > this.starts.length) this.growTo(at + count);
    this.starts.set(columns.starts.subarray(0, count), at);
    this.lengths.set(columns.lengths.subarray(0, count), at);
    this.timestamps.set(columns.timestamps.subarray(0, count), at);
    for (let i = 0; i < count; i++) {
      this.lines[at + i] = columns.lines[i] + lineOffset;
      this.reasons[at + i] = reasonOf(i);
      this.usernames[at + i] = usernameOf(i);
    }
    this.count = at + count;
  }

  /**
   * Takes `columns` (a worker's result, its codes already the workspace's) as this log's rows,
   * instead of copying them: a fresh large log is then never held twice while it is indexed.
   * The result covers the log from its data start, so errors found before are reported again by it.
   */
  adopt(
    count: number,
    columns: Pick<LogIndex, 'starts' | 'lengths' | 'lines' | 'reasons' | 'usernames' | 'timestamps'>,
  ): void {
    ({
      starts: this.starts,
      lengths: this.lengths,
      lines: this.lines,
      reasons: this.reasons,
      usernames: this.usernames,
      timestamps: this.timestamps,
    } = columns);
    this.count = count;
    this.errors = [];
  }

  /** Forgets every row (a rewritten log is indexed again from its data start). */
  reset(shape: LogShape): void {
    this.shape = shape;
    this.detachColumns(0);
    this.count = 0;
    this.indexedEnd = shape.dataStart;
    this.scanState = { line: shape.dataLine };
    this.tailUnterminated = false;
    this.tail = Buffer.alloc(0);
    this.seen = undefined;
    this.errors = [];
    this.layout = noRowsLayout();
    this.generation++;
  }

  /** Drops rows from `row` on (0-based), to read them again. */
  truncateTo(row: number): void {
    if (row >= this.count) return;
    this.indexedEnd = this.starts[row];
    this.scanState = { line: this.lines[row] };
    // After reading where row `row` began: the detached columns hold the rows before it only.
    this.detachColumns(row);
    this.count = row;
    this.tailUnterminated = false;
    this.seen = undefined;
    this.errors = this.errors.filter((issue) => issue.line < this.scanState.line);
    this.generation++;
  }

  /** Bytes used by the columns, for memory reports. */
  bytes(): number {
    return this.starts.byteLength * 2 + this.lengths.byteLength * 4;
  }

  private growTo(rows: number, exact = false): void {
    const shared = rows >= SHARED_COLUMNS.fromRows;
    this.starts = grown(this.starts, rows, exact, shared);
    this.lengths = grown(this.lengths, rows, exact, shared);
    this.lines = grown(this.lines, rows, exact, shared);
    this.reasons = grown(this.reasons, rows, exact, shared);
    this.usernames = grown(this.usernames, rows, exact, shared);
    this.timestamps = grown(this.timestamps, rows, exact, shared);
  }

  /**
   * Before rows from `keep` on are written again: shared columns are replaced by copies of their
   * first `keep` rows, since a worker may still be reading the rows as they were.
   */
  private detachColumns(keep: number): void {
    if (!(this.starts.buffer instanceof SharedArrayBuffer)) return;
    const rows = Math.max(keep, 1024);
    const shared = rows >= SHARED_COLUMNS.fromRows;
    const copy = <T extends Float64Array | Uint32Array | Int32Array>(column: T): T =>
      copied(column, keep, rows, shared);
    this.starts = copy(this.starts);
    this.lengths = copy(this.lengths);
    this.lines = copy(this.lines);
    this.reasons = copy(this.reasons);
    this.usernames = copy(this.usernames);
    this.timestamps = copy(this.timestamps);
  }
}

// What `flagdeck inspect` reports about a log's records beyond the index's own columns, found by
// the same scan: rows wider or narrower than the header, rows that widen the table, mixed line
// ends, and the rows whose bytes may hold invalid UTF-8 or a NUL (read again, cell by cell, by the
// caller). Like scan-job.ts, these functions are also sent to worker threads as source text: no
// imports, no module constants, byte values as literals.

/** What a scan is asked to audit (see RecordAuditCollector in scan-job.ts). */
export interface RecordAuditJob {
  /** The cells a row should have (the header's, 4 in a chat log); null when there is no such rule. */
  width: number | null;
  /** Columns the log has before any row widens it. */
  columns: number;
  /** Check that cells are UTF-8 (false for a windows-1252 log, where only a NUL is a problem). */
  utf8: boolean;
}

/** Line ends: 0 none seen yet, 1 LF, 2 CRLF, 3 CR (a lone-CR log). */
export type EolKind = 0 | 1 | 2 | 3;

/** Rows are 0-based within the scanned range, lines as the scan counted them. */
export interface RecordAudit {
  wider: number;
  /** The first few lines of wider rows. */
  widerLines: number[];
  narrower: number;
  narrowerLines: number[];
  /** [row, cells] of each row with more cells than the columns and every earlier row of the range. */
  widening: number[];
  /** The first record's line end and its line; the first record that ends otherwise (line -1: none). */
  firstEol: EolKind;
  firstEolLine: number;
  otherEol: EolKind;
  otherEolLine: number;
  /** Rows whose bytes are not valid UTF-8 or hold a NUL: their cells must be decoded to know. */
  suspects: number[];
}

export function recordAuditor(
  job: RecordAuditJob,
  newline: number,
  isUtf8: (bytes: Uint8Array) => boolean,
): {
  add(buf: Uint8Array, recordEnd: number, line: number, cells: number, row: number): void;
  chunk(
    buf: Buffer,
    stop: number,
    first: number,
    starts: Float64Array,
    lengths: Uint32Array,
    count: number,
    base: number,
  ): void;
  result(): RecordAudit;
} {
  const fresh = (): RecordAudit => ({
    wider: 0,
    widerLines: [],
    narrower: 0,
    narrowerLines: [],
    widening: [],
    firstEol: 0,
    firstEolLine: -1,
    otherEol: 0,
    otherEolLine: -1,
    suspects: [],
  });
  let audit = fresh();
  let widest = job.columns;
  const clean = (bytes: Buffer): boolean => bytes.indexOf(0) < 0 && (!job.utf8 || isUtf8(bytes));
  return {
    add(buf, recordEnd, line, cells, row) {
      if (job.width !== null && cells > job.width) {
        audit.wider++;
        if (audit.widerLines.length < 5) audit.widerLines.push(line);
      } else if (job.width !== null && cells < job.width) {
        audit.narrower++;
        if (audit.narrowerLines.length < 5) audit.narrowerLines.push(line);
      }
      if (cells > widest) {
        widest = cells;
        audit.widening.push(row, cells);
      }
      const last = buf[recordEnd - 1];
      let eol: EolKind = 0;
      if (newline === 13) eol = last === 13 ? 3 : 0;
      else if (last === 10) eol = buf[recordEnd - 2] === 13 ? 2 : 1;
      if (eol === 0) return;
      if (audit.firstEol === 0) {
        audit.firstEol = eol;
        audit.firstEolLine = line;
      } else if (eol !== audit.firstEol && audit.otherEolLine < 0) {
        audit.otherEol = eol;
        audit.otherEolLine = line;
      }
    },
    // The rows [first, count) were read from buf[0, stop): a clean chunk has clean rows only.
    chunk(buf, stop, first, starts, lengths, count, base) {
      if (first === count || clean(buf.subarray(0, stop))) return;
      for (let row = first; row < count; row++) {
        const at = starts[row] - base;
        if (!clean(buf.subarray(at, at + lengths[row]))) audit.suspects.push(row);
      }
    },
    // The range's audit; the auditor starts again for the next range (one serves a thread's ranges).
    result() {
      const done = audit;
      audit = fresh();
      widest = job.columns;
      return done;
    },
  };
}

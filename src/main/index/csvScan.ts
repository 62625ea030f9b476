// The byte-level CSV state machine behind the fast index. It mirrors csv-parse 7 with
// `relax_quotes` and `relax_column_count` (the options the reader uses) byte for byte, including
// its quirks, so that both RecordSources agree on every file:
// - the record delimiter is whichever of `\r\n`, `\n`, `\r` comes first outside quotes;
// - a quote opens a quoted field only as the field's first byte;
// - inside quotes `""` is a quote; a quote followed by a delimiter, the record delimiter, a NUL
//   byte or the end of the file closes the field; followed by anything else it stays literal
//   (relax_quotes) and the rest of the field is read unquoted;
// - the end of the file inside quotes is an error (csv-parse: CSV_QUOTE_NOT_CLOSED).

const COMMA = 44;
const CR = 13;
const LF = 10;

/** Record delimiter: 0 not yet seen, 1 `\r\n`, 2 `\n`, 3 `\r`. */
export type RecordDelimiter = 0 | 1 | 2 | 3;

/** What carries over from one scanned chunk to the next (always at a record boundary). */
export interface ScanState {
  delimiter: RecordDelimiter;
  /** 1-based physical line (counted by `\n`) of the next record. */
  line: number;
}

/** Field boundaries of the record being reported, as byte offsets into the scanned buffer. */
export class FieldBounds {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

/**
 * Called once per record. `start`/`end` are buffer offsets, `end` past the record delimiter;
 * fields `[0, count)` are in `bounds`. `unclosed`: the file ended inside a quoted field.
 */
export type OnRecord = (start: number, end: number, line: number, count: number, unclosed: boolean) => void;

export interface ScanOptions {
  quote: number;
  /** true when the end of `limit` is the end of the file (an unterminated last record counts). */
  final: boolean;
  /** Drop lines with no byte at all (csv-parse `skip_empty_lines`). */
  skipEmptyLines?: boolean;
}

function delimiterAt(buf: Uint8Array, p: number, limit: number, final: boolean): RecordDelimiter | -1 {
  const c = buf[p];
  if (c === LF) return 2;
  if (c !== CR) return 0;
  if (p + 1 >= limit) return final ? 3 : -1;
  return buf[p + 1] === LF ? 1 : 3;
}

/** Length of the record delimiter `d` at `p`, 0 if none, -1 if more bytes are needed to tell. */
function delimiterLength(
  buf: Uint8Array,
  p: number,
  limit: number,
  final: boolean,
  d: RecordDelimiter,
): number {
  const c = buf[p];
  if (d === 2) return c === LF ? 1 : 0;
  if (c !== CR) return 0;
  if (d === 3) return 1;
  if (p + 1 >= limit) return final ? 0 : -1;
  return buf[p + 1] === LF ? 2 : 0;
}

/**
 * Scans complete records in `buf[start, limit)`, `start` being a record boundary. Returns the
 * offset where scanning stopped: `limit`, or the start of a record that needs more bytes.
 */
export function scanCsv(
  buf: Uint8Array,
  start: number,
  limit: number,
  options: ScanOptions,
  state: ScanState,
  bounds: FieldBounds,
  onRecord: OnRecord,
): number {
  const { quote, final } = options;
  const skipEmpty = options.skipEmptyLines === true;
  let delimiter = state.delimiter;
  let line = state.line;
  let p = start;
  while (p < limit) {
    const recordStart = p;
    const recordLine = line;
    let count = 0;
    let recordEnd = -1;
    let unclosed = false;
    let needMore = false;
    while (recordEnd < 0) {
      if (count === bounds.starts.length) bounds.grow();
      const fieldStart = p;
      let fieldEnd = -1;
      let raw = true;
      if (p < limit && buf[p] === quote) {
        raw = false;
        p++;
        for (;;) {
          if (p >= limit) {
            if (!final) needMore = true;
            else {
              unclosed = true;
              fieldEnd = recordEnd = limit;
            }
            break;
          }
          const c = buf[p];
          if (c !== quote) {
            if (c === LF) line++;
            p++;
            continue;
          }
          if (p + 1 >= limit) {
            if (!final) needMore = true;
            else fieldEnd = recordEnd = p = limit;
            break;
          }
          const next = buf[p + 1];
          if (next === quote) {
            p += 2;
            continue;
          }
          p++;
          if (next === COMMA) {
            fieldEnd = p;
            p++;
            break;
          }
          if (next === 0) {
            raw = true;
            break;
          }
          if (delimiter === 0) {
            const found = delimiterAt(buf, p, limit, final);
            if (found === -1) {
              needMore = true;
              break;
            }
            delimiter = found;
          }
          const length = delimiter === 0 ? 0 : delimiterLength(buf, p, limit, final, delimiter);
          if (length === -1) {
            needMore = true;
            break;
          }
          if (length > 0) {
            fieldEnd = p;
            recordEnd = p + length;
            if (delimiter !== 3) line++;
            break;
          }
          // relax_quotes: the quote stays literal and the field goes on unquoted.
          raw = true;
          break;
        }
      }
      if (raw && !needMore && fieldEnd < 0) {
        for (;;) {
          if (p >= limit) {
            if (!final) needMore = true;
            else fieldEnd = recordEnd = limit;
            break;
          }
          const c = buf[p];
          if (c === COMMA) {
            fieldEnd = p;
            p++;
            break;
          }
          if (c === LF || c === CR) {
            if (delimiter === 0) {
              const found = delimiterAt(buf, p, limit, final);
              if (found === -1) {
                needMore = true;
                break;
              }
              delimiter = found;
            }
            const length = delimiterLength(buf, p, limit, final, delimiter);
            if (length === -1) {
              needMore = true;
              break;
            }
            if (length > 0) {
              fieldEnd = p;
              recordEnd = p + length;
              if (delimiter !== 3) line++;
              break;
            }
            if (c === LF) line++;
          }
          p++;
        }
      }
      if (needMore) break;
      bounds.starts[count] = fieldStart;
      bounds.ends[count] = fieldEnd;
      count++;
    }
    if (needMore) {
      state.delimiter = delimiter;
      state.line = recordLine;
      return recordStart;
    }
    p = recordEnd;
    // Only an unquoted empty field can end where the record starts.
    if (skipEmpty && count === 1 && bounds.ends[0] === recordStart) continue;
    onRecord(recordStart, recordEnd, recordLine, count, unclosed);
  }
  state.delimiter = delimiter;
  state.line = line;
  return p;
}

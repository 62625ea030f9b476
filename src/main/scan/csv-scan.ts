// The byte-level CSV state machine behind the fast index. It mirrors csv-parse 7 as the reader runs
// it (gradio/csv-record-source.ts: `relax_quotes`, `relax_column_count`, escape = quote, record
// delimiters `\r\n` and `\n`, or `\r` alone in a lone-CR log), byte for byte, quirks included, so
// both RecordSources agree:
// - a quote opens a quoted field only as the field's first byte;
// - inside quotes a doubled quote is a quote; a quote followed by `,`, a record delimiter, a NUL
//   byte or the end of the file closes the field; followed by anything else it stays literal
//   (relax_quotes) and the rest of the field is read unquoted;
// - the end of the file inside quotes is an error: that record is reported without cells, up to
//   the end of its first line, and reading resumes on the next line (as the reader does);
// - the reader re-reads strictly any record where a quote was kept literal: when the first such
//   quote is a closing quote followed by text, that field is "stray"; when a stray field spans
//   lines, its quote swallowed the rows after it, and the record is lost like an unclosed one;
// - lines are counted by the newline byte, as editors do (and the reader): `\n`, or `\r` in a
//   lone-CR log, where `\n` is text (the rule is gradio/line-end.ts's, decided once per log).
// Byte values are literals (44 `,`, 13 `\r`, 10 `\n`): these functions are also sent to worker
// threads as source text (see ../log-index/scan-workers.ts), where module constants do not exist.

/** What carries over from one scanned chunk to the next (always at a record boundary). */
export interface ScanState {
  /** 1-based line of the next record. */
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
 * fields `[0, count)` are in `bounds`. `unclosed`: a quote in field `count` (0-based) never closed
 * where it should; the record has no cells and spans its first line only. `stray`: the field
 * (0-based) with text after its closing quote; -2 when no field has that but a quote was kept
 * literally all the same (inside an unquoted field, or a closing quote before a NUL byte), which
 * the reader reads without complaint; else -1 (every quote opens, closes or doubles).
 */
export type OnRecord = (
  start: number,
  end: number,
  line: number,
  count: number,
  unclosed: boolean,
  stray: number,
  /** With `unclosed`: the record was refused for holding more than 8 MiB, not for a quote. */
  tooLarge?: boolean,
) => void;

export interface ScanOptions {
  quote: number;
  /** true when `limit` is the end of the file (an unterminated last record counts). */
  final: boolean;
  /** 13 in a lone-CR log (its records end at `\r`), else 10 (the default). */
  newline?: number;
}

/**
 * Length of the record delimiter at `p` (`\r\n` 2, `\n` 1; in a lone-CR log, `newline` 13, `\r`
 * 1 and nothing else), 0 if none, -1 if more bytes are needed.
 */
export function delimiterLength(
  buf: Uint8Array,
  p: number,
  limit: number,
  final: boolean,
  newline = 10,
): number {
  const c = buf[p];
  if (newline === 13) return c === 13 ? 1 : 0;
  if (c === 10) return 1;
  if (c !== 13) return 0;
  if (p + 1 >= limit) return final ? 0 : -1;
  return buf[p + 1] === 10 ? 2 : 0;
}

/**
 * Scans complete records in `buf[start, limit)`, `start` being a record boundary. Blank lines are
 * skipped. Returns where scanning stopped: `limit`, or the start of a record that needs more bytes.
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
  const quote = options.quote;
  const final = options.final;
  const newline = options.newline ?? 10;
  let line = state.line;
  let p = start;
  while (p < limit) {
    const recordStart = p;
    const recordLine = line;
    let count = 0;
    let recordEnd = -1;
    let unclosed = false;
    let needMore = false;
    // First literal quote of the record: -1 none yet, -2 inside an unquoted field, else the field
    // whose closing quote was followed by text.
    let literal = -1;
    let nulAfterQuote = false;
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
            if (final) unclosed = true;
            else needMore = true;
            break;
          }
          const c = buf[p];
          if (c !== quote) {
            if (c === newline) line++;
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
          if (next === 44) {
            fieldEnd = p;
            p++;
            break;
          }
          if (next === 0) {
            nulAfterQuote = true;
            raw = true;
            break;
          }
          const length = delimiterLength(buf, p, limit, final, newline);
          if (length === -1) {
            needMore = true;
            break;
          }
          if (length > 0) {
            fieldEnd = p;
            recordEnd = p + length;
            line++;
            break;
          }
          // relax_quotes: the quote stays literal and the field goes on unquoted.
          if (literal === -1) literal = count;
          raw = true;
          break;
        }
      }
      if (raw && !needMore && !unclosed && fieldEnd < 0) {
        for (;;) {
          if (p >= limit) {
            if (!final) needMore = true;
            else fieldEnd = recordEnd = limit;
            break;
          }
          const c = buf[p];
          if (c === 44) {
            fieldEnd = p;
            p++;
            break;
          }
          if (c === quote && literal === -1) literal = -2;
          if (c === 10 || c === 13) {
            const length = delimiterLength(buf, p, limit, final, newline);
            if (length === -1) {
              needMore = true;
              break;
            }
            if (length > 0) {
              line++;
              fieldEnd = p;
              recordEnd = p + length;
              break;
            }
          }
          p++;
        }
      }
      if (needMore || unclosed) break;
      bounds.starts[count] = fieldStart;
      bounds.ends[count] = fieldEnd;
      count++;
    }
    if (needMore) {
      state.line = recordLine;
      return recordStart;
    }
    if (!unclosed && literal >= 0) {
      const delimiter = recordEnd - bounds.ends[count - 1];
      for (let i = bounds.starts[literal]; i < bounds.ends[literal]; i++) {
        if (buf[i] === 10 || buf[i] === 13) {
          unclosed = true;
          count = literal;
          break;
        }
      }
      // The reader only judges such a record once csv-parse has seen 2 bytes past its delimiter's
      // first byte (its longest delimiter is 2 bytes); with `\r` its only one, 1 byte past it. At
      // the end of what a writer has written so far, it waits for more.
      const lookahead = newline === 13 ? 1 : delimiter === 2 ? 1 : 2;
      if (unclosed && !final && limit < recordEnd + lookahead) {
        state.line = recordLine;
        return recordStart;
      }
    }
    // The reader's csv-parse refuses a record whose cells hold more than 8 MiB (max_record_size:
    // it stops once they hold 2 bytes more): lost like an unclosed one, reported as too large.
    let tooLarge = false;
    if (unclosed ? final && limit - recordStart > 8388609 : recordEnd - recordStart > 8388609) {
      let content = unclosed ? limit - recordStart : 0;
      for (let f = 0; !unclosed && f < count; f++) {
        const s = bounds.starts[f];
        const e = bounds.ends[f];
        if (buf[s] !== quote || e - s < 2) {
          content += e - s;
          continue;
        }
        content += e - s - 2;
        for (let i = s + 1; i < e - 2; i++) {
          if (buf[i] === quote && buf[i + 1] === quote) {
            content--;
            i++;
          }
        }
      }
      if (content > 8388609) tooLarge = unclosed = true;
    }
    if (unclosed) {
      // As the reader: the record is lost up to the end of its first line; go on from there.
      let next = recordStart;
      while (next < limit && buf[next] !== newline) next++;
      p = next < limit ? next + 1 : limit;
      line = recordLine + 1;
      onRecord(recordStart, p, recordLine, count, true, -1, tooLarge);
      continue;
    }
    p = recordEnd;
    // A blank line: one unquoted empty field ending where the record starts.
    if (count === 1 && bounds.ends[0] === recordStart && recordEnd > recordStart) continue;
    onRecord(
      recordStart,
      recordEnd,
      recordLine,
      count,
      false,
      literal >= 0 ? literal : literal === -2 || nulAfterQuote ? -2 : -1,
    );
  }
  state.line = line;
  return p;
}

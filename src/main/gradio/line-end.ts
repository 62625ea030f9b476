// Which byte ends a log's records. Decided once per log, from its first record, as csv-parse's own
// auto-detection does: Gradio writes CRLF, git may turn it into LF, and an old Mac exporter writes
// a lone CR after every record. A per-record rule (any of the three anywhere) was tried and dropped:
// a CR at the end of what a writer has written so far could be half of a CRLF, so a followed log
// could never show its newest row until the writer went quiet, and a lone CR inside an unquoted
// cell of an ordinary log would split its row. Decided per log, a lone-CR log ends every record at
// CR (an LF in it is text, as csv-parse reads it), and every other log at LF (`\r\n` or `\n`; a
// lone CR in it is text). Lines are counted at the same byte, so line numbers match an editor's.
import type { CsvDialect } from './log-model';

export type NewlineByte = 10 | 13;

/** The byte that ends a record (and a line) in a log of this dialect. */
export function newlineByte(dialect: CsvDialect): NewlineByte {
  return dialect.lineEnd === 'cr' ? 13 : 10;
}

/**
 * Whether the first record of `head` (the file's first bytes, after any BOM) ends with a lone CR.
 * Quoted text is skipped (a quoted header cell may hold line breaks). `whole`: `head` is the whole
 * file, so a CR as its last byte is a lone CR, not the first half of a CRLF still being written.
 */
export function endsWithLoneCr(head: Uint8Array, quote: number, whole: boolean): boolean {
  let quoted = false;
  for (let p = 0; p < head.length; p++) {
    const c = head[p];
    if (c === quote) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10) return false;
    else if (c === 13) return p + 1 < head.length ? head[p + 1] !== 10 : whole;
  }
  return false;
}

/** Whether `head` holds a whole first line: one that ends with LF, or with a CR known not to start a CRLF. */
export function holdsWholeLine(head: Uint8Array): boolean {
  const cr = head.indexOf(13);
  return head.includes(10) || (cr >= 0 && cr + 1 < head.length);
}

/** End of the record `buf[start, end)` without its terminator (`\r\n` or `\n`; `\r` in a lone-CR log). */
export function recordBodyEnd(buf: Uint8Array, start: number, end: number, newline: NewlineByte): number {
  if (end <= start || buf[end - 1] !== newline) return end;
  return newline === 10 && end - 2 >= start && buf[end - 2] === 13 ? end - 2 : end - 1;
}

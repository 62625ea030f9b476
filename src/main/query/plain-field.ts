// Finding one field of a CSV record when it is plainly written, without the exact scanner. These
// functions use nothing but their arguments and each other: row-walker.ts runs their source text
// in a worker.

/** Where a field lies: `start`/`end` its raw extent, `from`/`to` its text. */
export interface FoundField {
  start: number;
  end: number;
  from: number;
  to: number;
  /** No NUL byte in it. */
  plain: boolean;
  /** It holds `""` (one quote each): its text, each `""` made one quote, is `text[0, length)`. */
  doubled: boolean;
  text: Uint8Array;
  length: number;
  /**
   * Set by a caller that knows `buf` holds no NUL byte and reads its records in order: unquoted
   * fields are then skipped by native searches, `quoteAt` keeping the next quote found (-1: none
   * looked for yet in this buffer; the caller resets it for each new buffer).
   */
  noNul: boolean;
  quoteAt: number;
  /**
   * Set by a caller that only compares values byte by byte: a quoted field's `""` are left as they
   * are written (`text` is not filled), which orders as the text does (top-rows.ts).
   */
  keepDoubled: boolean;
}

/** A FoundField to reuse from call to call. */
export function newFoundField(): FoundField {
  return {
    start: 0,
    end: 0,
    from: 0,
    to: 0,
    plain: true,
    doubled: false,
    text: new Uint8Array(0),
    length: 0,
    noNul: false,
    quoteAt: -1,
    keepDoubled: false,
  };
}

/**
 * The end of the record `buf[at, end)` without its line terminator (LF, or CR LF); -1 for a record
 * of a lone-CR log (gradio/line-end.ts), which ends with CR: the exact scanner knows the log's line
 * end, these finders do not, so they leave such records to it.
 */
export function recordBody(buf: Uint8Array, at: number, end: number): number {
  let body = end;
  if (body > at && buf[body - 1] === 10) body -= body - 2 >= at && buf[body - 2] === 13 ? 2 : 1;
  return body > at && buf[body - 1] === 13 ? -1 : body;
}

/**
 * Finds field `column` of the record `buf[at, end)` when it is plainly written: unquoted without
 * quotes, or quoted with nothing after its closing quote (a short record gives an empty field).
 * Returns false for anything else: the exact scanner then reads the record. A quoted field with
 * `""` in it is undoubled into `found.text` during the same pass (unless `found.keepDoubled`).
 */
export function plainField(
  buf: Uint8Array,
  at: number,
  end: number,
  column: number,
  quote: number,
  found: FoundField,
): boolean {
  const body = recordBody(buf, at, end);
  if (body < 0) return false;
  let p = at;
  for (let field = 0; ; field++) {
    const start = p;
    let from = p;
    let to: number;
    let plain = true;
    let doubled = false;
    if (p < body && buf[p] === quote) {
      from = ++p;
      for (;;) {
        if (p >= body) return false;
        const c = buf[p];
        if (c !== quote) {
          if (c === 0) plain = false;
          p++;
        } else if (p + 1 < body && buf[p + 1] === quote) {
          if (field === column && !found.keepDoubled) {
            // The rest of the field, copied as it is read: the text up to here, then each byte.
            doubled = true;
            let text = found.text;
            if (text.length < body - from) text = found.text = new Uint8Array(2 * (body - from));
            let n = p - from;
            for (let i = 0; i < n; i++) text[i] = buf[from + i];
            for (;;) {
              if (p >= body) return false;
              const d = buf[p];
              if (d !== quote) {
                if (d === 0) plain = false;
                text[n++] = d;
                p++;
              } else if (p + 1 < body && buf[p + 1] === quote) {
                text[n++] = d;
                p += 2;
              } else break;
            }
            found.length = n;
            break;
          }
          doubled = true;
          p += 2;
        } else break;
      }
      to = p++;
      if (p < body && buf[p] !== 44) return false;
    } else if (found.noNul) {
      let comma = buf.indexOf(44, p);
      if (comma === -1 || comma > body) comma = body;
      if (found.quoteAt < p) {
        const next = buf.indexOf(quote, p);
        found.quoteAt = next === -1 ? Infinity : next;
      }
      if (found.quoteAt < comma) return false;
      p = to = comma;
    } else {
      for (; p < body; p++) {
        const c = buf[p];
        if (c === 44) break;
        if (c === quote) return false;
        if (c === 0) plain = false;
      }
      to = p;
    }
    if (field === column || p >= body) {
      const past = field !== column;
      found.start = past ? body : start;
      found.end = past ? body : p;
      found.from = past ? body : from;
      found.to = past ? body : to;
      found.plain = past || plain;
      found.doubled = !past && doubled;
      return true;
    }
    p++; // past the comma
  }
}

/**
 * plainField for a record of a log whose rows all have `fields` fields and no quote kept literally
 * (LogIndex.uniformFields): field `column` found from the record's end, past the fields after it
 * only, which is quicker for a field in the record's later half. Such a record reads the same
 * both ways: a field that ends with a quote is quoted, and going back from its closing quote, a
 * run of quotes after a comma or the record's start holds its opening quote when the run is odd
 * (the quotes inside are doubled: every other run is even). Returns false when the record is not
 * so written, or has fewer fields: the caller then reads it from its start.
 */
export function plainFieldFromEnd(
  buf: Uint8Array,
  at: number,
  end: number,
  column: number,
  fields: number,
  quote: number,
  found: FoundField,
): boolean {
  const body = recordBody(buf, at, end);
  if (body < 0 || column >= fields) return false;
  // `p`: the end of the field looked at, then its start.
  let p = body;
  for (let field = fields - 1; ; field--) {
    const fieldEnd = p;
    let from: number;
    let to: number;
    let plain = true;
    let doubled = false;
    if (p > at && buf[p - 1] === quote) {
      to = p - 1;
      let q = to - 1;
      for (;;) {
        if (q < at) return false;
        const c = buf[q];
        if (c !== quote) {
          if (c === 0) plain = false;
          q--;
          continue;
        }
        let r = q;
        while (r > at && buf[r - 1] === quote) r--;
        const odd = (q - r) % 2 === 0;
        if (odd) {
          // The opening quote, after a comma or at the record's start; the rest of the run is doubled.
          if (r > at && buf[r - 1] !== 44) return false;
          doubled ||= q > r;
          p = r;
          from = r + 1;
          break;
        }
        doubled = true;
        q = r - 1;
      }
    } else {
      let q = p - 1;
      for (; q >= at && buf[q] !== 44; q--) {
        if (buf[q] === quote) return false;
        if (buf[q] === 0) plain = false;
      }
      p = q + 1;
      from = p;
      to = fieldEnd;
    }
    if (field === column) {
      found.start = p;
      found.end = fieldEnd;
      found.from = from;
      found.to = to;
      found.plain = plain;
      found.doubled = doubled;
      if (doubled && !found.keepDoubled) {
        let text = found.text;
        if (text.length < to - from) text = found.text = new Uint8Array(2 * (to - from));
        let n = 0;
        for (let i = from; i < to; i++) {
          text[n++] = buf[i];
          if (buf[i] === quote) i++;
        }
        found.length = n;
      }
      return true;
    }
    // Before the comma that ends the field before it; none: the record has fewer fields.
    if (p === at) return false;
    p--;
  }
}

/**
 * Field `column` of the record `buf[at, end)`: from the record's end when `fields` (the log's
 * field count, read-direction.ts) is not 0 and the record reads so, else from its start.
 */
export function findField(
  buf: Uint8Array,
  at: number,
  end: number,
  column: number,
  fields: number,
  quote: number,
  found: FoundField,
): boolean {
  return (
    (fields > 0 && plainFieldFromEnd(buf, at, end, column, fields, quote, found)) ||
    plainField(buf, at, end, column, quote, found)
  );
}

// Turns one field's bytes (as bounded by csvScan) into the bytes csv-parse 7 gives for it with
// `relax_quotes`: see csv-scan.ts for the rules.

/** The field `buf[start, end)` with its quoting undone, as csv-parse builds it. */
export function fieldBytes(buf: Buffer, start: number, end: number, quote: number): Buffer {
  if (start === end || buf[start] !== quote) return buf.subarray(start, end);
  let p = start + 1;
  let segment = p;
  const parts: Buffer[] = [];
  while (p < end) {
    if (buf[p] !== quote) {
      p++;
      continue;
    }
    if (p + 1 < end && buf[p + 1] === quote) {
      // `""`: keep the first quote, drop the second.
      parts.push(buf.subarray(segment, p + 1));
      p += 2;
      segment = p;
      continue;
    }
    break;
  }
  const closedAt = p;
  parts.push(buf.subarray(segment, Math.min(closedAt, end)));
  if (closedAt + 1 < end) {
    if (buf[closedAt + 1] === 0) {
      parts.push(buf.subarray(closedAt + 1, end));
    } else {
      // relax_quotes: csv-parse puts the opening quote back and keeps the rest as written.
      parts.unshift(buf.subarray(start, start + 1));
      parts.push(buf.subarray(closedAt, end));
    }
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

// HTTP byte ranges (RFC 9110 §14): audio and video elements seek with `Range: bytes=a-b`.

export type ByteRange = { start: number; end: number };

/**
 * The single range a `Range` header asks for in a file of `size` bytes: `null` to send the whole
 * file (no header, or one we do not honour such as several ranges), `'unsatisfiable'` for 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // A suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return 'unsatisfiable';
  return { start, end };
}

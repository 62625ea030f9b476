// Where a large log is cut into ranges that threads scan at once: just after a line that ends with
// a timestamp (as Gradio's rows end), probed near the target offset. A cut is only a guess: the
// pass keeps it when the range before it ends exactly there (scan-workers.ts).
import { open, type FileHandle } from 'node:fs/promises';
import type { NewlineByte } from '../gradio/line-end';

const PROBE_BYTES = 256 * 1024;
const TIMESTAMP = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?`;
/** A line that ends with a timestamp, by the log's newline byte (line-end.ts). */
const TIMESTAMP_LINE_END = {
  10: new RegExp(`${TIMESTAMP}\\r?\\n`, 'g'),
  13: new RegExp(`${TIMESTAMP}\\r`, 'g'),
};

/**
 * Where the second range starts: near the middle of the bytes after `from`, `lead` bytes later
 * (the first range's thread starts sooner). More ranges, shrinking towards the end so that the
 * threads would finish together, cost more CPU than they saved waiting: a million rows took 3.9 s
 * of CPU in 18 ranges against 3.4 s in two (medians of 6 runs). Empty when no record boundary is
 * found there.
 */
export async function rangeCuts(
  path: string,
  { from, size, lead, newline }: { from: number; size: number; lead: number; newline: NewlineByte },
): Promise<number[]> {
  const handle = await open(path, 'r');
  try {
    const cut = await cutNear(handle, from + Math.floor((size - from) / 2) + lead, size, newline);
    return cut !== null && cut > from && cut < size ? [cut] : [];
  } finally {
    await handle.close();
  }
}

/** A likely record boundary near `offset`: just after a line that ends with a timestamp. */
async function cutNear(
  handle: FileHandle,
  offset: number,
  end: number,
  newline: NewlineByte,
): Promise<number | null> {
  const buf = Buffer.alloc(Math.min(PROBE_BYTES, end - offset));
  const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
  const text = buf.toString('latin1', 0, bytesRead);
  const lineEnd = TIMESTAMP_LINE_END[newline];
  lineEnd.lastIndex = 0;
  const match = lineEnd.exec(text);
  if (match) return offset + match.index + match[0].length;
  const at = text.indexOf(String.fromCharCode(newline));
  return at >= 0 ? offset + at + 1 : null;
}

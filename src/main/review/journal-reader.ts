// Reads complete lines of the journal from a byte offset. A last line without its newline is left
// for later: another process may still be writing it (or it is torn by a crash, see `pending`).
import { open } from 'node:fs/promises';

const CHUNK = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface TailRead {
  /** Offset just past the last complete line read. */
  offset: number;
  /** Bytes after `offset` that do not end with a newline yet. */
  pending: number;
  /** The file's size at the time of reading. */
  size: number;
  /** The number of the line that starts at `offset`. */
  lineNo: number;
}

/**
 * Calls `onLine` for every complete line from `offset` to the end of the file, with the line's
 * 1-based number (counting from `firstLineNo`). Empty lines are skipped but counted.
 */
export async function readLines(
  path: string,
  offset: number,
  firstLineNo: number,
  onLine: (text: string, lineNo: number) => void,
): Promise<TailRead> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let position = offset;
    let lineNo = firstLineNo;
    let carry = Buffer.alloc(0);
    while (position + carry.length < size) {
      const length = Math.min(CHUNK, size - position - carry.length);
      const chunk = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(chunk, 0, length, position + carry.length);
      if (bytesRead === 0) break;
      const data =
        carry.length > 0
          ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
          : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        const text = data.toString('utf8', start, end).replace(/\r$/, '');
        if (text.trim() !== '') onLine(text, lineNo);
        lineNo += 1;
        start = end + 1;
      }
      position += start;
      carry = Buffer.from(data.subarray(start));
    }
    return { offset: position, pending: size - position, size, lineNo };
  } finally {
    await handle.close();
  }
}

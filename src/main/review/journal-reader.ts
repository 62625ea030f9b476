// Reads complete lines of the journal from a byte offset. A last line without its newline is left
// for later: another process may still be writing it (or it is torn by a crash, see `pending`).
import { fs } from '../platform/node-fs';
import { open } from 'node:fs/promises';

const CHUNK = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface TailRead {
  /** Offset just past the last complete line read. */
  offset: number;
  /** Bytes after `offset` that do not end with a newline yet. */
  pending: number;
  /** The file's size at the time of reading (or `until`, when smaller). */
  size: number;
  /** The number of the line that starts at `offset`. */
  lineNo: number;
}

interface Source {
  size: number;
  read(buffer: Buffer, length: number, position: number): number | Promise<number>;
  close(): void | Promise<void>;
}

async function openSource(path: string, sync: boolean): Promise<Source> {
  if (sync) {
    const fd = fs.openSync(path, 'r');
    return {
      size: fs.fstatSync(fd).size,
      read: (buffer, length, position) => fs.readSync(fd, buffer, 0, length, position),
      close: () => fs.closeSync(fd),
    };
  }
  const handle = await open(path, 'r');
  return {
    size: (await handle.stat()).size,
    read: async (buffer, length, position) => (await handle.read(buffer, 0, length, position)).bytesRead,
    close: () => handle.close(),
  };
}

export interface ReadOptions {
  /** Read without libuv's file-system threads (a short tail read while queries keep them busy). */
  sync?: boolean;
  /** Stop at this byte offset instead of the end of the file. */
  until?: number;
}

/**
 * Calls `onLine` for every complete line from `offset` to the end of the file (or `until`), with
 * the line's 1-based number (counting from `firstLineNo`) and the byte offset where it starts.
 * Empty lines are skipped but counted.
 */
export async function readLines(
  path: string,
  offset: number,
  firstLineNo: number,
  onLine: (text: string, lineNo: number, offset: number) => void,
  { sync = false, until = Infinity }: ReadOptions = {},
): Promise<TailRead> {
  const source = await openSource(path, sync);
  try {
    const size = Math.min(source.size, until);
    let position = offset;
    let lineNo = firstLineNo;
    let carry = Buffer.alloc(0);
    while (position + carry.length < size) {
      const length = Math.min(CHUNK, size - position - carry.length);
      const chunk = Buffer.allocUnsafe(length);
      const bytesRead = await source.read(chunk, length, position + carry.length);
      if (bytesRead === 0) break;
      const data =
        carry.length > 0
          ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
          : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        const text = data.toString('utf8', start, end).replace(/\r$/, '');
        if (text.trim() !== '') onLine(text, lineNo, position + start);
        lineNo += 1;
        start = end + 1;
      }
      position += start;
      carry = Buffer.from(data.subarray(start));
    }
    return { offset: position, pending: size - position, size, lineNo };
  } finally {
    await source.close();
  }
}

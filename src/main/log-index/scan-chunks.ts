// Reads a file as a sequence of buffers scanned up to a record boundary, so that a scan never
// sees half a record: the unscanned tail of one read is carried into the next.
import { open } from 'node:fs/promises';
import { FieldBounds, scanCsv, type OnRecord, type ScanState } from '../scan/csv-scan';

export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface ChunkScan {
  file: string;
  quote: number;
  /** The record-ending byte (13 in a lone-CR log); 10 when absent. */
  newline?: number;
  /** File offset of a record boundary to start from. */
  start: number;
  /** Scanner state at `start` (its line). */
  state: ScanState;
  /** Treat the end of the file as the end of the last record. */
  final: boolean;
  /** Stop reading here (the file may grow while it is read). Default: its size when opened. */
  until?: number;
  chunkBytes?: number;
}

/** One scanned read: record offsets given to `onRecord` were offsets into `buf`. */
export interface ScannedChunk {
  buf: Buffer;
  /** File offset of buf[0]. */
  base: number;
  /** File offset just past the last complete record so far. */
  end: number;
  /** File size being read up to. */
  size: number;
  state: ScanState;
}

/**
 * Scans `scan.file`, calling the record callback (made per chunk by `recordsOf`) with offsets into
 * that chunk's buffer, and yields after each chunk. `scan.state` is updated as it goes.
 */
export async function* scanFileChunks(
  scan: ChunkScan,
  bounds: FieldBounds,
  recordsOf: (chunk: ScannedChunk) => OnRecord,
): AsyncGenerator<ScannedChunk> {
  const handle = await open(scan.file, 'r');
  try {
    const size = scan.until ?? (await handle.stat()).size;
    const state = scan.state;
    let buf = Buffer.allocUnsafe(Math.min(scan.chunkBytes ?? CHUNK_BYTES, Math.max(size - scan.start, 1)));
    let carry = 0;
    let position = scan.start;
    let end = scan.start;
    while (position < size) {
      if (carry === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const want = Math.min(buf.length - carry, size - position);
      const { bytesRead } = await handle.read(buf, carry, want, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const limit = carry + bytesRead;
      const base = position - limit;
      const final = position >= size && scan.final;
      const chunk: ScannedChunk = { buf, base, end, size, state };
      const options = { quote: scan.quote, final, newline: scan.newline };
      const stop = scanCsv(buf, 0, limit, options, state, bounds, recordsOf(chunk));
      end = chunk.end = base + stop;
      yield chunk;
      carry = limit - stop;
      if (carry > 0) buf.copyWithin(0, stop, limit);
    }
  } finally {
    await handle.close();
  }
}

// The keys of a large log's later rows, filled by a worker thread while this thread fills the
// earlier ones: both write into the same shared arrays. The worker reads plainly written cells
// only and hands back the rows that need the exact scanner (quoting it cannot follow, a NUL byte,
// the CSV-injection escape), which this thread then reads.
import { plainField, undoubleInto, type FoundField } from './plain-field';
import { placeValue, putKey, type KeyTables } from './key-tables';
import { startWorker } from './function-worker';

/** Below this many rows one thread is quicker than starting a worker. */
export const PARALLEL_MIN_ROWS = 100_000;

export interface KeyJob {
  path: string;
  quote: number;
  column: number;
  /** Item number of the job's first row. */
  base: number;
  /** Byte start and length of each of the job's rows. */
  starts: Float64Array;
  lengths: Uint32Array;
  tables: KeyTables;
}

interface FileCalls {
  openSync: (path: string, flags: string) => number;
  readSync: (fd: number, buf: Uint8Array, offset: number, length: number, position: number) => number;
  closeSync: (fd: number) => void;
}

/** What keyRows calls, passed in: in a worker they are the same functions as source text. */
export interface KeyHelpers {
  plainField: typeof plainField;
  undoubleInto: typeof undoubleInto;
  putKey: typeof putKey;
}

/** Keys every row of `job` it can; returns the rows (indices into the job) it left. */
export function keyRows(job: KeyJob, fs: FileCalls, h: KeyHelpers): number[] {
  const { starts, lengths, quote, column, base, tables } = job;
  const left: number[] = [];
  const found: FoundField = { start: 0, end: 0, from: 0, to: 0, plain: true, doubled: false };
  let scratch = new Uint8Array(64 * 1024);
  let buf = new Uint8Array(4 * 1024 * 1024);
  const fd = fs.openSync(job.path, 'r');
  try {
    let row = 0;
    while (row < starts.length) {
      const pieceStart = starts[row];
      let last = row;
      while (last + 1 < starts.length && starts[last + 1] + lengths[last + 1] - pieceStart <= buf.length)
        last++;
      const pieceBytes = starts[last] + lengths[last] - pieceStart;
      if (pieceBytes > buf.length) buf = new Uint8Array(pieceBytes);
      if (fs.readSync(fd, buf, 0, pieceBytes, pieceStart) < pieceBytes)
        throw new Error('the log got shorter');
      for (; row <= last; row++) {
        const at = starts[row] - pieceStart;
        if (!h.plainField(buf, at, at + lengths[row], column, quote, found)) left.push(row);
        else if (found.from === found.to) continue;
        // A NUL byte or the CSV-injection escape (`'`): the reader's own decoding decides.
        else if (!found.plain || buf[found.from] === 39) left.push(row);
        else if (!found.doubled) h.putKey(tables, base + row, buf, found.from, found.to);
        else {
          if (scratch.length < found.to - found.from) scratch = new Uint8Array(found.to - found.from);
          const length = h.undoubleInto(buf, found.from, found.to, quote, scratch);
          h.putKey(tables, base + row, scratch, 0, length);
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return left;
}

let program: string | undefined;

/** keyRows in a worker thread: see startWorker. */
export function startKeyRowsInWorker(job: KeyJob): Promise<{ done: Promise<number[]> }> {
  program ??= [
    "const fs = require('node:fs');",
    ...[plainField, undoubleInto, placeValue, putKey, keyRows].map(String),
    `const helpers = { plainField: ${plainField.name}, undoubleInto: ${undoubleInto.name}, putKey: ${putKey.name} };`,
    `const run = (job) => ${keyRows.name}(job, fs, helpers);`,
  ].join('\n');
  // The row columns are the job's own copies: handed over, not copied again.
  return startWorker<number[]>(program, job, [
    job.starts.buffer as ArrayBuffer,
    job.lengths.buffer as ArrayBuffer,
  ]);
}

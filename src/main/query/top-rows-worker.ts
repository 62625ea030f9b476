// The k first rows of a large log's later half under a column sort, found by a worker thread while
// this thread goes through the earlier half. Like the column keys' worker (key-workers.ts), it
// reads plainly written cells only and hands back the rows that need the exact scanner.
import { plainField, undoubleInto, type FoundField } from './plain-field';
import { offerTop, type TopHeap } from './top-heap';
import { startWorker } from './function-worker';

export interface TopJob {
  path: string;
  quote: number;
  column: number;
  /** Item number of the job's first row. */
  base: number;
  /** Byte start and length of each of the job's rows. */
  starts: Float64Array;
  lengths: Uint32Array;
  /** 1 for the job's rows that a filter kept (null: every row). */
  member: Uint8Array | null;
  k: number;
  desc: boolean;
}

export interface TopFound {
  heap: TopHeap;
  /** Rows (indices into the job) left to the exact scanner. */
  left: number[];
}

interface FileCalls {
  openSync: (path: string, flags: string) => number;
  readSync: (fd: number, buf: Uint8Array, offset: number, length: number, position: number) => number;
  closeSync: (fd: number) => void;
}

export interface TopHelpers {
  plainField: typeof plainField;
  undoubleInto: typeof undoubleInto;
  offerTop: typeof offerTop;
}

/** Offers every row of `job` it can read plainly to a heap of its own. */
export function topOfRows(job: TopJob, fs: FileCalls, h: TopHelpers): TopFound {
  const { starts, lengths, quote, column, base, member } = job;
  const heap: TopHeap = { k: job.k, desc: job.desc, items: [], values: [] };
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
        if (member !== null && member[row] !== 1) continue;
        const at = starts[row] - pieceStart;
        if (!h.plainField(buf, at, at + lengths[row], column, quote, found)) left.push(row);
        else if (found.from === found.to) h.offerTop(heap, base + row, null, 0, 0);
        // A NUL byte or the CSV-injection escape (`'`): the reader's own decoding decides.
        else if (!found.plain || buf[found.from] === 39) left.push(row);
        else if (!found.doubled) h.offerTop(heap, base + row, buf, found.from, found.to);
        else {
          if (scratch.length < found.to - found.from) scratch = new Uint8Array(found.to - found.from);
          const length = h.undoubleInto(buf, found.from, found.to, quote, scratch);
          h.offerTop(heap, base + row, scratch, 0, length);
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return { heap, left };
}

let program: string | undefined;

/** topOfRows in a worker thread: see startWorker. */
export function startTopInWorker(job: TopJob): Promise<{ done: Promise<TopFound> }> {
  program ??= [
    "const fs = require('node:fs');",
    ...[plainField, undoubleInto, offerTop, topOfRows].map(String),
    `const helpers = { plainField: ${plainField.name}, undoubleInto: ${undoubleInto.name}, offerTop: ${offerTop.name} };`,
    `const run = (job) => ${topOfRows.name}(job, fs, helpers);`,
  ].join('\n');
  // The row columns are the job's own copies: handed over, not copied again.
  const transfer = [job.starts.buffer, job.lengths.buffer, ...(job.member ? [job.member.buffer] : [])];
  return startWorker<TopFound>(program, job, transfer as ArrayBuffer[]);
}

// Case-insensitive substring search over the bytes of a log's rows. Nothing is kept in memory but
// one bit per row: the file is read in pieces into one buffer, lowercased in place as one-byte text
// (which keeps every byte at its offset; no string is made, so nothing waits for a collection) and
// searched natively; each hit is mapped to its row by offset.
import { rowColumns } from './worker-rows';
import { fs } from '../platform/node-fs';
import { startWorker } from './function-worker';
import type { LogIndex } from '../log-index/log-index';
import {
  WALKER,
  walkerProgram,
  type FileCalls,
  type RowSpans,
  type VisitPiece,
  type Walker,
} from './row-walker';
import { mappedArray } from './mapped-arrays';

/**
 * The needles as they must appear in file bytes whose ASCII letters are lowercased. Only ASCII is
 * folded, so a word beyond ASCII is looked for as typed, in lower case and in upper case; and each
 * also as Python's `json.dumps` writes it inside JSON cells (`\u00fc`, one escape per UTF-16
 * unit), since Gradio stores label, chat and JSON values that way.
 */
export function byteNeedles(text: string): string[] {
  const spellings = new Set([text, text.toLowerCase(), text.toUpperCase()]);
  const needles = new Set<string>();
  for (const spelling of spellings) {
    needles.add(asciiLower(Buffer.from(spelling, 'utf8').toString('latin1')));
    needles.add(asciiLower(jsonEscaped(spelling)));
  }
  return [...needles];
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

function jsonEscaped(text: string): string {
  let escaped = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    escaped += unit < 0x80 ? text[i] : `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return escaped;
}

/** Rows of one search job: their bytes' starts and lengths in the file, the needles as bytes. */
export interface SearchJob extends RowSpans {
  needles: Uint8Array[];
}

/**
 * Marks `hits[i] = 1` for each row i of `job` whose bytes contain a needle (`hits`: one byte per
 * row of the job; a new array when not given), and returns them. One byte a row, not a list of the
 * rows: half a million hits made 2 MB of array on each thread, and their copy across. Uses nothing
 * but its arguments and Node's globals: a worker runs its source text (`lower` is lowerAscii).
 */
export function searchJob(
  job: SearchJob,
  files: FileCalls,
  w: Walker,
  lower: (piece: Buffer) => void,
  hits: Uint8Array = new Uint8Array(job.starts.length),
): Uint8Array {
  const { starts } = job;
  const needles = job.needles.map((needle) => Buffer.from(needle.buffer, needle.byteOffset, needle.length));
  const visit: VisitPiece = (piece, first, last, pieceStart) => {
    lower(piece);
    for (const needle of needles) {
      let at = piece.indexOf(needle);
      while (at !== -1) {
        // The last row of the piece starting at or before the hit.
        let lo = first;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (starts[mid] - pieceStart <= at) lo = mid;
          else hi = mid - 1;
        }
        hits[lo] = 1;
        // A row is marked once: go on from the next row's start.
        if (lo === last) break;
        at = piece.indexOf(needle, starts[lo + 1] - pieceStart);
      }
    }
  };
  w.walkPieces(job, files, 1024 * 1024, visit, w.pieces);
  return hits;
}

/** From this many rows a search runs on two threads (a worker takes the later half). */
export const SEARCH_SPLIT = { minRows: 100_000, last: 'none' as 'none' | 'two threads' | 'worker failed' };

let program: string | undefined;

/** Rows [from, to) as a job; given `transfer`, as a worker gets them (rowColumns). */
function jobOf(
  log: LogIndex,
  needles: Uint8Array[],
  from: number,
  to: number,
  transfer: ArrayBuffer[] | null = null,
): SearchJob {
  const { starts, lengths } = rowColumns(log, from, to, null, transfer);
  return { path: log.path, starts, lengths, needles };
}

/** Marks `hits[row] = 1` for rows in [from, to) whose bytes contain the needle. */
export async function searchRows(
  log: LogIndex,
  needles: readonly string[],
  from: number,
  to: number,
  hits: Uint8Array,
): Promise<void> {
  const bytes = needles.filter((needle) => needle.length > 0).map((needle) => Buffer.from(needle, 'latin1'));
  if (from >= to || bytes.length === 0) return;
  // This thread marks its rows in `hits` itself; a worker's marks are copied in.
  const here = (first: number, end: number): void => {
    searchJob(jobOf(log, bytes, first, end), fs, WALKER, lowerAscii, hits.subarray(first, end));
  };
  if (to - from < SEARCH_SPLIT.minRows) {
    here(from, to);
    return;
  }
  const mid = from + Math.floor((to - from) / 2);
  program ??= [
    walkerProgram(),
    String(lowerAscii),
    String(searchJob),
    `const run = (job) => ${searchJob.name}(job, fs, walker, ${lowerAscii.name});`,
  ].join('\n');
  const transfer: ArrayBuffer[] = [];
  const later = jobOf(log, bytes, mid, to, transfer);
  const started = await startWorker<Uint8Array>(program, later, transfer).catch(() => null);
  const finished = started?.done.catch(() => null);
  here(from, mid);
  const marked = (await finished) ?? null;
  SEARCH_SPLIT.last = marked ? 'two threads' : 'worker failed';
  if (marked) hits.set(marked, mid);
  else here(mid, to);
}

/**
 * Lowercases the ASCII letters of `piece` in place, four bytes at a time: per byte, the high bit of
 * `letter` is set when it is below 0x80, at least `A` and at most `Z`; 0x80 >> 2 is the case bit.
 */
export function lowerAscii(piece: Buffer): void {
  const words = piece.byteOffset % 4 === 0 ? Math.floor(piece.length / 4) : 0;
  const view = new Uint32Array(piece.buffer, piece.byteOffset, words);
  for (let i = 0; i < words; i++) {
    const w = view[i];
    const low = w & 0x7f7f7f7f;
    const letter = ~w & (low + 0x3f3f3f3f) & ~(low + 0x25252525) & 0x80808080;
    if (letter !== 0) view[i] = w | (letter >>> 2);
  }
  for (let i = words * 4; i < piece.length; i++) {
    const c = piece[i];
    if (c >= 65 && c <= 90) piece[i] = c | 32;
  }
}

/** A search kept per log and extended as rows are appended. */
export class TextMatches {
  hits = new Uint8Array(0);
  upTo = 0;
  generation = -1;

  constructor(readonly needles: readonly string[]) {}

  async update(log: LogIndex): Promise<Uint8Array> {
    if (this.generation !== log.generation) {
      this.hits = new Uint8Array(0);
      this.upTo = 0;
      this.generation = log.generation;
    }
    if (this.upTo < log.count) {
      if (this.hits.length < log.count) {
        const hits = mappedArray(Uint8Array, Math.max(log.count, this.hits.length * 2));
        hits.set(this.hits);
        this.hits = hits;
      }
      await searchRows(log, this.needles, this.upTo, log.count, this.hits);
      this.upTo = log.count;
    }
    return this.hits;
  }
}

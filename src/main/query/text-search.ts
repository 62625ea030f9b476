// Case-insensitive substring search over the bytes of a log's rows. Nothing is kept in memory but
// one bit per row: the file is read in pieces into one buffer, lowercased in place as one-byte text
// (which keeps every byte at its offset; no string is made, so nothing waits for a collection) and
// searched natively; each hit is mapped to its row by offset.
import { open } from 'node:fs/promises';
import type { LogIndex } from '../log-index/log-index';

const PIECE_BYTES = 2 * 1024 * 1024;

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

function rowAt(log: LogIndex, offset: number, lo: number, hi: number): number {
  // Last row whose start is <= offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (log.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Marks `hits[row] = 1` for rows in [from, to) whose bytes contain the needle. */
export async function searchRows(
  log: LogIndex,
  needles: readonly string[],
  from: number,
  to: number,
  hits: Uint8Array,
): Promise<void> {
  if (from >= to || needles.every((needle) => needle.length === 0)) return;
  const handle = await open(log.path, 'r');
  let buf = Buffer.allocUnsafe(PIECE_BYTES);
  const bytes = needles.filter((needle) => needle.length > 0).map((needle) => Buffer.from(needle, 'latin1'));
  try {
    let row = from;
    while (row < to) {
      // A piece holds whole rows: [row, last].
      const pieceStart = log.starts[row];
      let last = row;
      let step = 1;
      while (
        last + step < to &&
        log.starts[last + step] + log.lengths[last + step] - pieceStart <= PIECE_BYTES
      ) {
        last += step;
        step *= 2;
      }
      while (step > 1) {
        step >>>= 1;
        if (
          last + step < to &&
          log.starts[last + step] + log.lengths[last + step] - pieceStart <= PIECE_BYTES
        )
          last += step;
      }
      const pieceEnd = log.starts[last] + log.lengths[last];
      // One buffer for every piece: a new one each would wait for a collection to be freed.
      if (buf.length < pieceEnd - pieceStart) buf = Buffer.allocUnsafe(pieceEnd - pieceStart);
      await handle.read(buf, 0, pieceEnd - pieceStart, pieceStart);
      const piece = buf.subarray(0, pieceEnd - pieceStart);
      lowerAscii(piece);
      for (const needle of bytes) markHits(log, piece, needle, pieceStart, row, last, hits);
      row = last + 1;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Lowercases the ASCII letters of `piece` in place, four bytes at a time: per byte, the high bit of
 * `letter` is set when it is below 0x80, at least `A` and at most `Z`; 0x80 >> 2 is the case bit.
 */
function lowerAscii(piece: Buffer): void {
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

function markHits(
  log: LogIndex,
  text: Buffer,
  needle: Buffer,
  pieceStart: number,
  first: number,
  last: number,
  hits: Uint8Array,
): void {
  if (needle.length === 0) return;
  let at = text.indexOf(needle);
  while (at !== -1) {
    const hit = rowAt(log, pieceStart + at, first, last);
    hits[hit] = 1;
    // Rows are marked once: go on from the next row's start.
    if (hit === last) return;
    at = text.indexOf(needle, log.starts[hit + 1] - pieceStart);
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
        const hits = new Uint8Array(Math.max(log.count, this.hits.length * 2));
        hits.set(this.hits);
        this.hits = hits;
      }
      await searchRows(log, this.needles, this.upTo, log.count, this.hits);
      this.upTo = log.count;
    }
    return this.hits;
  }
}

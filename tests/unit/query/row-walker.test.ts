// The walk over a log's rows reads them in pieces into one buffer a thread keeps between walks,
// so that a query leaves no read buffers behind for a collection to free.
import * as fs from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkPieces, type PieceBuffer, type RowSpans } from '../../../src/main/query/row-walker';

function logWith(rows: string[]): RowSpans {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-walk-')), 'log.csv');
  writeFileSync(path, rows.join('\n'));
  const starts = new Float64Array(rows.length);
  const lengths = new Uint32Array(rows.length);
  let at = 0;
  rows.forEach((row, i) => {
    starts[i] = at;
    lengths[i] = Buffer.byteLength(row);
    at += lengths[i] + 1;
  });
  return { path, starts, lengths };
}

/** Each row's text as walked, and the buffers the pieces were read into. */
function walk(rows: RowSpans, pieces: PieceBuffer, pieceBytes: number) {
  const texts: string[] = [];
  const buffers = new Set<ArrayBufferLike>();
  walkPieces(
    rows,
    fs,
    pieceBytes,
    (piece, first, last, pieceStart) => {
      buffers.add(piece.buffer);
      for (let row = first; row <= last; row++) {
        const from = rows.starts[row] - pieceStart;
        texts.push(piece.toString('utf8', from, from + rows.lengths[row]));
      }
    },
    pieces,
  );
  return { texts, buffers };
}

describe('walkPieces', () => {
  it('reads every row, piece after piece, into the one buffer the thread keeps', () => {
    const text = Array.from({ length: 500 }, (_, i) => `row ${i},${'x'.repeat(i % 37)}`);
    const rows = logWith(text);
    const pieces: PieceBuffer = { buf: null, walks: 0 };
    const first = walk(rows, pieces, 1024);
    const again = walk(rows, pieces, 1024);
    expect(first.texts).toEqual(text);
    expect(again.texts).toEqual(text);
    expect(pieces.buf?.buffer).toBeDefined();
    expect([...first.buffers, ...again.buffers].every((buffer) => buffer === pieces.buf?.buffer)).toBe(true);
    expect(pieces.walks).toBe(2);
  });

  it('reads a row longer than a piece whole, without keeping its buffer', () => {
    const long = 'y'.repeat(2 * 1024 * 1024);
    const rows = logWith(['a,1', long, 'b,2']);
    const pieces: PieceBuffer = { buf: null, walks: 0 };
    const { texts } = walk(rows, pieces, 1024);
    expect(texts).toEqual(['a,1', long, 'b,2']);
    expect(pieces.buf?.length).toBe(1024);
  });

  it('takes a larger buffer when a walk asks for larger pieces', () => {
    const rows = logWith(['a,1', 'b,2']);
    const pieces: PieceBuffer = { buf: null, walks: 0 };
    walk(rows, pieces, 1024);
    walk(rows, pieces, 4096);
    expect(pieces.buf?.length).toBe(4096);
  });
});

// The WebAssembly asset census against the JS one: the same cells sent back, the same references
// settled as missing, on random cells made of what the census looks for.
import { describe, expect, it } from 'vitest';
import { assetCellsCollector, type AssetCellsJob } from '../../../src/main/scan/asset-cells';
import { refHash } from '../../../src/main/scan/ref-hash';
import { FieldBounds, scanCsv } from '../../../src/main/scan/csv-scan';
import { fieldBytes } from '../../../src/main/scan/csv-field';
import { sortHashes } from '../../../src/main/scan/sort-hashes';
import { csvScanner } from './support/wasm-scanner';
import { PATH_KEYS } from '../../../src/main/gradio/value-shape';
import { MEDIA_EXTENSIONS } from '../../../src/main/gradio/media-kind';
import { looseName } from '../../../src/main/gradio/loose-name';

type Parts = Pick<typeof csvScanner, 'scanCsv' | 'FieldBounds' | 'assetCellsCollector'>;
const js: Parts = { scanCsv, FieldBounds, assetCellsCollector };

const PIECES = [
  'img',
  'b.png',
  'x.JPG',
  'clip.wav',
  'dir/',
  'flagged/',
  '..',
  './',
  '\\',
  '\\"',
  'C:',
  'http://h/',
  '{',
  '}',
  ':',
  ' : ',
  '"path"',
  "'image' ",
  '"label"',
  '"confidences"',
  '"files"',
  '"id"',
  "'src'",
  '0.5',
  '.9x',
  ' ',
  '\u00e9',
  'a,b',
  '"',
  '""',
  '\n',
  'file',
  'is_file',
  'Photo 1.PNG',
  'tar.gz',
  '[',
  '(',
  "'",
];

/** A seeded LCG, so that a failure names its case. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

function randomCell(next: () => number, maxPieces: number): string {
  let cell = '';
  const pieces = Math.floor(next() * maxPieces);
  for (let i = 0; i < pieces; i++) cell += PIECES[Math.floor(next() * PIECES.length)];
  return cell;
}

/** A CSV row: most cells quoted as a writer quotes them, some written raw (stray quotes and all). */
function csvCell(cell: string, next: () => number): string {
  if (next() < 0.3) return cell.replaceAll('\n', '').replaceAll(',', '');
  return /[",\n]/.test(cell) || next() < 0.2 ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function census(parts: Parts, text: string, job: AssetCellsJob, bounds = new parts.FieldBounds()): unknown {
  const buf = Buffer.from(text, 'latin1');
  const collector = parts.assetCellsCollector(job, 34, fieldBytes, refHash, sortHashes);
  const options = { quote: 34, final: true };
  parts.scanCsv(buf, 0, buf.length, options, { line: 1 }, bounds, (_s, _e, _l, count, unclosed) => {
    if (!unclosed) collector.add(buf, bounds, count);
  });
  const { cells, missing, beyond } = collector.result();
  return { cells, missing: [...missing], beyond };
}

const hashOf = (name: string): number => refHash(Buffer.from(name, 'latin1'), 0, name.length);

describe('the WebAssembly asset census', () => {
  /** The WebAssembly census and the JS one on the random logs of `seeds`, cells of up to `maxPieces` pieces. */
  function agreeOnRandomLogs(seeds: number[], maxPieces: number): void {
    for (const seed of seeds) {
      const next = random(seed);
      const width = 1 + Math.floor(next() * 4);
      const rows = Array.from({ length: 1 + Math.floor(next() * 20) }, () =>
        Array.from({ length: width + (next() < 0.1 ? 1 : 0) }, () =>
          csvCell(randomCell(next, maxPieces), next),
        ).join(','),
      );
      const names = ['b.png', 'img', 'clip.wav', 'photo 1.png', 'x.JPG'].filter(() => next() < 0.5);
      const job: AssetCellsJob = {
        columns: Array.from({ length: width }, (_, i) => i),
        loose: Array.from({ length: width }, () => next() < 0.5),
        // Keys shorter than four bytes are told apart by fewer of the bytes before a `:`.
        pathKeys: [...PATH_KEYS, 'is_file', ...(seed % 3 === 0 ? ['id', 'src'] : [])],
        extensions: [...MEDIA_EXTENSIONS],
        folderNames: seed % 4 === 0 ? null : names.map(hashOf),
      };
      const text = rows.join('\n') + '\n';
      const wasm = census(csvScanner, text, job);
      expect(wasm, `seed ${seed}: ${JSON.stringify(text)}`).toEqual(census(js, text, job));
    }
  }

  it('agrees with the JS census on 600 random logs (loose and file columns, names known or not)', () => {
    agreeOnRandomLogs(
      Array.from({ length: 600 }, (_, i) => i + 1),
      12,
    );
  });

  it('agrees with the JS census on 400 random logs of long cells (signs in several 16-byte blocks)', () => {
    agreeOnRandomLogs(
      Array.from({ length: 400 }, (_, i) => 1001 + i),
      48,
    );
  });

  it('settles the same missing references and keeps the same cells on a Gradio-like log', () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        `sample ${i},flagged/image/${i}/img_${i}.png,"{""label"":""dog"",""confidences"":[{""confidence"":0.${i}}]}",` +
        `"{""path"": ""flagged/audio/${i}.wav"", ""is_file"": true}",wrong`,
    );
    const job: AssetCellsJob = {
      columns: [0, 1, 2, 3],
      loose: [true, false, true, true],
      pathKeys: [...PATH_KEYS, 'is_file'],
      extensions: [...MEDIA_EXTENSIONS],
      folderNames: ['img_7.png', 'img_8.png'].map(hashOf),
    };
    const text = rows.join('\n') + '\n';
    const wasm = census(csvScanner, text, job) as { cells: string[][]; missing: number[] };
    expect(wasm).toEqual(census(js, text, job));
    expect(wasm.missing).toHaveLength(298);
    expect(wasm.cells[1]).toEqual(['flagged/image/7/img_7.png', 'flagged/image/8/img_8.png']);
    expect(wasm.cells[3]).toHaveLength(300);
  });

  it('settles a reference by the hash of all of it, and finds a name the folder holds in another case', () => {
    const names = ['My Photo (1).PNG', 'clip.wav'];
    const job: AssetCellsJob = {
      columns: [0],
      loose: [false],
      pathKeys: [...PATH_KEYS],
      extensions: [...MEDIA_EXTENSIONS],
      // A folder listing's names as written and loosely (dir-listings.ts looseName).
      folderNames: [...names, ...names.map(looseName)].map(hashOf),
    };
    const cells = ['a/my photo 1.png', 'b/MY PHOTO (1).png', 'c/clip.wav', 'flagged/x/img_12345.png'];
    const text = cells.join('\n') + '\n';
    for (const parts of [js, csvScanner]) {
      const found = census(parts, text, job) as { cells: string[][]; missing: number[] };
      expect(found.cells[0]).toEqual(cells.slice(0, 3));
      expect(found.missing).toEqual([hashOf('flagged/x/img_12345.png')]);
    }
  });

  it('grows its memory for a folder of 300,000 names in the middle of a scan, and scans on', () => {
    const next = random(7);
    const many = Array.from({ length: 300_000 }, () => Math.floor(next() * 2 ** 53));
    const job: AssetCellsJob = {
      columns: [0, 1],
      loose: [false, true],
      pathKeys: [...PATH_KEYS],
      extensions: [...MEDIA_EXTENSIONS],
      folderNames: [...many, hashOf('img_3.png')],
    };
    const rows = Array.from({ length: 50 }, (_, i) => `dir/img_${i}.png,"{""path"": ""a/${i}""}"`);
    const text = rows.join('\n') + '\n';
    const bounds = new csvScanner.FieldBounds();
    const before = bounds.starts.buffer;
    const wasm = census(csvScanner, text, job, bounds) as { cells: string[][]; missing: number[] };
    expect(bounds.starts.buffer).not.toBe(before);
    expect(wasm).toEqual(census(js, text, job));
    expect(wasm.cells[0]).toEqual(['dir/img_3.png']);
    expect(wasm.missing).toHaveLength(49);
    expect(wasm.cells[1]).toHaveLength(50);
  });

  it('judges in JS a job that does not fit the instance (a one-letter path key)', () => {
    const job: AssetCellsJob = {
      columns: [0],
      loose: [true],
      pathKeys: ['p'],
      extensions: [...MEDIA_EXTENSIONS],
      folderNames: [],
    };
    const text = '"{""p"": ""x""}"\n"{""\u0000p"": ""x""}"\n';
    expect(census(csvScanner, text, job)).toEqual(census(js, text, job));
  });

  it('reads a cell whose value starts with a quote once: `"a"b/c` no longer overflows the stack', () => {
    const job: AssetCellsJob = {
      columns: [0],
      loose: [true],
      pathKeys: [...PATH_KEYS],
      extensions: [...MEDIA_EXTENSIONS],
      folderNames: [hashOf('c')],
    };
    for (const parts of [js, csvScanner]) {
      expect(census(parts, '"a"b/c\n"a"b/d\n', job)).toEqual({
        cells: [['"a"b/c']],
        missing: [],
        beyond: [],
      });
    }
  });
});

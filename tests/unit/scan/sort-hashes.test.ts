// The census's missing hashes, sorted as the native sort would: by sortHashes (JS), and by the
// WebAssembly sort a scanning thread's collector uses for large lists (wasm/sort-hashes.c).
import { describe, expect, it } from 'vitest';
import { sortHashes } from '../../../src/main/scan/sort-hashes';
import type { AssetCellsJob } from '../../../src/main/scan/asset-cells';
import { refHash } from '../../../src/main/scan/ref-hash';
import { fieldBytes } from '../../../src/main/scan/csv-field';
import { csvScanner } from './support/wasm-scanner';
import { randomHashes } from './support/random-hashes';

// Names not known: the scanned paths are sent back as text, not settled as missing.
const job: AssetCellsJob = { columns: [0], loose: [false], pathKeys: [], extensions: [], folderNames: null };

/**
 * A WebAssembly collector of `census`, with a scan of text into it; `sorted.inInstance` tells
 * whether its last large list was sorted in the instance.
 */
function wasmCollector(census: AssetCellsJob) {
  const sorted = { inInstance: false };
  const sortHere = (hashes: Float64Array, sortInPlace?: Parameters<typeof sortHashes>[1]) =>
    sortHashes(hashes, (list) => (sorted.inInstance = sortInPlace?.(list) === true));
  const collector = csvScanner.assetCellsCollector(census, 34, fieldBytes, refHash, sortHere);
  const bounds = new csvScanner.FieldBounds();
  const scan = (text: Buffer) =>
    csvScanner.scanCsv(
      text,
      0,
      text.length,
      { quote: 34, final: true },
      { line: 1 },
      bounds,
      (_start, _end, _line, count) => collector.add(text, bounds, count),
    );
  return { collector, scan, sorted };
}

/**
 * The WebAssembly collector's sort of `list`, after a scan in an instance: a large list must be
 * sorted there.
 */
function sortedByCollector(list: Float64Array): Float64Array {
  const { collector, scan, sorted } = wasmCollector(job);
  scan(Buffer.from('a/b.png\nc/d.png\n'));
  collector.addMissing(list);
  const { missing } = collector.result();
  expect(sorted.inInstance).toBe(list.length >= 65_536);
  return missing;
}

const sorts: [string, (list: Float64Array) => Float64Array][] = [
  [
    'sortHashes',
    (list) => {
      const result = sortHashes(list);
      expect(result).toBe(list);
      return result;
    },
  ],
  ['the WebAssembly sort', sortedByCollector],
];

describe.each(sorts)('%s', (_name, sort) => {
  function expectSortedLike(list: Float64Array): void {
    const expected = Float64Array.from(list).sort();
    const result = sort(list);
    expect(result.length).toBe(expected.length);
    const firstWrong = expected.findIndex((value, i) => result[i] !== value);
    expect(firstWrong).toBe(-1);
  }

  it.each([0, 1, 2, 1000, 65_535, 65_536, 70_001, 400_000])('sorts %i uniform hashes', (count) => {
    const next = randomHashes(count + 7);
    expectSortedLike(Float64Array.from({ length: count }, next));
  });

  it('sorts hashes that repeat (one missing file referenced by many rows)', () => {
    const next = randomHashes(3);
    const repeated = next();
    expectSortedLike(Float64Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? next() : repeated)));
  });

  it('sorts hashes crowded into a few buckets, and the edges of the range', () => {
    const next = randomHashes(11);
    const crowded = Float64Array.from({ length: 100_000 }, (_, i) => {
      if (i % 5 === 0) return 2 ** 53 - 1 - (next() % 1000);
      if (i % 5 === 1) return 0;
      if (i % 5 === 2) return 2 ** 37 * (next() % 3);
      return next() % 2 ** 38;
    });
    expectSortedLike(crowded);
  });

  it('sorts buckets whose next bits are all alike, and buckets of several hundred', () => {
    const next = randomHashes(13);
    // Every bucket's hashes share their next 8 bits; then a quarter of the buckets hold them all.
    expectSortedLike(
      Float64Array.from({ length: 300_000 }, () => (next() % 2 ** 12) * 2 ** 41 + (next() % 2 ** 33)),
    );
    expectSortedLike(Float64Array.from({ length: 400_000 }, () => next() % 2 ** 51));
  });
});

describe('sortHashes on part of a buffer', () => {
  it('keeps the values of a list given as part of a larger buffer, and nothing past it', () => {
    const next = randomHashes(5);
    const whole = Float64Array.from({ length: 100_000 }, next);
    const after = Array.from(whole.subarray(90_000));
    const expected = Float64Array.from(whole.subarray(0, 90_000)).sort();
    expect(Array.from(sortHashes(whole.subarray(0, 90_000)))).toEqual(Array.from(expected));
    expect(Array.from(whole.subarray(90_000))).toEqual(after);
  });
});

describe('the WebAssembly sort between two ranges of one census', () => {
  it('sorts a second large list in the same instance as it sorted the first', () => {
    const { collector, scan, sorted } = wasmCollector(job);
    for (const seed of [19, 23]) {
      const next = randomHashes(seed);
      const list = Float64Array.from({ length: 100_000 + seed }, next);
      const expected = Float64Array.from(list).sort();
      scan(Buffer.from('a/b.png\n'));
      collector.addMissing(list);
      const { missing } = collector.result();
      expect(sorted.inInstance).toBe(true);
      expect(Array.from(missing)).toEqual(Array.from(expected));
    }
  });

  it("leaves the census's folder names as they were: the next range is judged as the first", () => {
    const hashOf = (name: string): number => refHash(Buffer.from(name, 'latin1'), 0, name.length);
    // Thousands of names: their table is where the sort's list would go, were it not kept apart.
    const names = [...Array.from({ length: 5000 }, (_, i) => `kept ${i}.png`), 'b.png'];
    const { collector, scan, sorted } = wasmCollector({ ...job, folderNames: names.map(hashOf) });
    const text = Buffer.from('a/b.png\nc/gone.png\nd/kept 4999.png\n');
    const range = () => {
      scan(text);
      return collector.result();
    };
    const first = range();
    expect(first.cells).toEqual([['a/b.png', 'd/kept 4999.png']]);
    expect(Array.from(first.missing)).toEqual([hashOf('c/gone.png')]);
    const next = randomHashes(17);
    collector.addMissing(Float64Array.from({ length: 300_000 }, next));
    const large = collector.result().missing;
    expect(sorted.inInstance).toBe(true);
    expect(large.every((value, i) => i === 0 || value >= large[i - 1])).toBe(true);
    const second = range();
    expect(second.cells).toEqual(first.cells);
    expect(Array.from(second.missing)).toEqual(Array.from(first.missing));
  });
});

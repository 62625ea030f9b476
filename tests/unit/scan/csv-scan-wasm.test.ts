// The WebAssembly build of the byte scanner against the JS one: the same records, fields, lines and
// stops on random bytes made of what CSV cares about, and the same when it hands over to JS.
import { describe, expect, it } from 'vitest';
import {
  FieldBounds as JsBounds,
  scanCsv as jsScanCsv,
  type ScanOptions,
} from '../../../src/main/scan/csv-scan';
import { csvScanner } from './support/wasm-scanner';
import { WASM_SOURCES_SHA256 } from '../../../src/main/scan/wasm/csv-scan-bytes';
import { wasmSources, wasmSourcesDigest } from '../../../scripts/wasm-sources.mjs';

interface Scan {
  records: unknown[];
  stopped: number;
  line: number;
}

function scanWith(
  scanner: { scanCsv: typeof jsScanCsv; FieldBounds: new () => JsBounds },
  buf: Uint8Array,
  start: number,
  options: ScanOptions,
  bounds = new scanner.FieldBounds(),
): Scan {
  const state = { line: 7 };
  const records: unknown[] = [];
  const stopped = scanner.scanCsv(buf, start, buf.length, options, state, bounds, (...args) => {
    const fields = Array.from({ length: args[3] }, (_, i) => [bounds.starts[i], bounds.ends[i]]);
    records.push([...args, fields]);
  });
  return { records, stopped, line: state.line };
}

/** Deterministic bytes (a seeded LCG) over an alphabet where every rule of csv-scan.ts fires. */
function randomBytes(seed: number, length: number, quote: number): Uint8Array {
  const alphabet = [97, 98, 44, 44, quote, quote, quote, 10, 10, 13, 0, 32, 120, 0xc3];
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    // Runs of plain text now and then, so that the 16-byte steps have something to skip.
    bytes[i] = x >>> 28 === 0 ? 97 + ((x >>> 8) % 26) : alphabet[(x >>> 16) % alphabet.length];
  }
  return bytes;
}

const js = { scanCsv: jsScanCsv, FieldBounds: JsBounds };

describe('the WebAssembly scanner', () => {
  it('runs as WebAssembly here: its bounds are the instance memory, not JS arrays', () => {
    const bounds = new csvScanner.FieldBounds();
    expect(bounds.starts.buffer).toBeInstanceOf(ArrayBuffer);
    expect(bounds.starts.length).toBe(65536);
    expect(bounds.starts.buffer).toBe(bounds.ends.buffer);
  });

  it('agrees with the JS scanner on 3,000 random slices (quote, line end, final, start varied)', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const quote = seed % 5 === 0 ? 39 : 34;
      const buf = randomBytes(seed, 1 + (seed % 300), quote);
      const options = { quote, final: seed % 2 === 0, newline: seed % 7 === 0 ? 13 : 10 };
      const start = seed % 3 === 0 ? Math.min(buf.length, seed % 11) : 0;
      expect(scanWith(csvScanner, buf, start, options), `seed ${seed}`).toEqual(
        scanWith(js, buf, start, options),
      );
    }
  });

  it('agrees on long quoted cells with line breaks (the 16-byte steps across newlines)', () => {
    const cell = `"${'x'.repeat(37)}\n${'""y'.repeat(20)}\r\n${'z'.repeat(50)}"`;
    const text = Array.from({ length: 40 }, (_, i) => `${i},${cell},${'w'.repeat(i)}\n`).join('');
    const buf = new TextEncoder().encode(text);
    for (const final of [true, false]) {
      const wasm = scanWith(csvScanner, buf, 0, { quote: 34, final });
      expect(wasm).toEqual(scanWith(js, buf, 0, { quote: 34, final }));
      expect(wasm.records).toHaveLength(40);
    }
  });

  it('hands a slice larger than its copy area to the JS scanner, with the same result', () => {
    const row = `${'a'.repeat(500)},"${'b'.repeat(500)}"\n`;
    const buf = new TextEncoder().encode(row.repeat(2200)); // 2.2 MB: over the 2 MiB area
    const wasm = scanWith(csvScanner, buf, 0, { quote: 34, final: true });
    expect(wasm.records).toHaveLength(2200);
    expect(wasm).toEqual(scanWith(js, buf, 0, { quote: 34, final: true }));
  });

  it('hands a record wider than its 65,536 fields to the JS scanner, and goes on with JS bounds', () => {
    const wide = `${Array.from({ length: 70000 }, (_, i) => i % 10).join(',')}\n`;
    const buf = new TextEncoder().encode(`a,b\n${wide}c,d\n`);
    const bounds = new csvScanner.FieldBounds();
    const wasm = scanWith(csvScanner, buf, 0, { quote: 34, final: true }, bounds);
    expect(wasm).toEqual(scanWith(js, buf, 0, { quote: 34, final: true }));
    expect(wasm.records.map((record) => (record as unknown[])[3])).toEqual([2, 70000, 2]);
    expect(bounds.starts.length).toBeGreaterThanOrEqual(70000);
    const again = scanWith(csvScanner, buf, 0, { quote: 34, final: true }, bounds);
    expect(again).toEqual(wasm);
  });

  it('scans plain JS bounds with the JS scanner', () => {
    const buf = new TextEncoder().encode('a,"b\nc"\n');
    const bounds = new JsBounds();
    expect(scanWith(csvScanner, buf, 0, { quote: 34, final: true }, bounds)).toEqual(
      scanWith(js, buf, 0, { quote: 34, final: true }),
    );
  });

  it('is built from the C in the tree (run `npm run build:wasm` after changing it)', () => {
    expect(wasmSources()).toEqual([
      'asset-census.c',
      'csv-scan.c',
      'record-index.c',
      'scan-area.h',
      'sort-hashes.c',
    ]);
    expect(wasmSourcesDigest()).toBe(WASM_SOURCES_SHA256);
  });
});

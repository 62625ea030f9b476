// The byte-level CSV scanner on its own: records, fields, lines, and where it stops for more bytes.
import { describe, expect, it } from 'vitest';
import {
  delimiterLength,
  FieldBounds as JsBounds,
  scanCsv as jsScanCsv,
} from '../../../src/main/scan/csv-scan';
import { csvScanner } from './support/wasm-scanner';

// Every case runs on both scanners: the JS one and its WebAssembly build.
const scanners = [
  ['JS', { scanCsv: jsScanCsv, FieldBounds: JsBounds }],
  ['WebAssembly', csvScanner],
] as const;

interface Scanned {
  fields: string[];
  line: number;
  unclosed: boolean;
  stray: number;
  text: string;
}

const QUOTE = 34;

describe.each(scanners)('scanCsv (%s)', (_name, { scanCsv, FieldBounds }) => {
  function scan(text: string, final = true): { records: Scanned[]; stopped: number; nextLine: number } {
    const buf = new TextEncoder().encode(text);
    const decode = (from: number, to: number): string => new TextDecoder().decode(buf.subarray(from, to));
    const bounds = new FieldBounds();
    const state = { line: 1 };
    const records: Scanned[] = [];
    const stopped = scanCsv(
      buf,
      0,
      buf.length,
      { quote: QUOTE, final },
      state,
      bounds,
      (s, e, line, count, unclosed, stray) => {
        const fields = Array.from({ length: count }, (_, i) => decode(bounds.starts[i], bounds.ends[i]));
        records.push({ fields, line, unclosed, stray, text: decode(s, e) });
      },
    );
    return { records, stopped, nextLine: state.line };
  }

  it('splits records on \\r\\n and \\n, fields on commas, and counts lines', () => {
    const { records, stopped, nextLine } = scan('a,b,c\r\n1,,3\n');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '', '3']],
    ]);
    expect(records[0].text).toBe('a,b,c\r\n');
    expect(stopped).toBe(12);
    expect(nextLine).toBe(3);
  });

  it('bounds quoted fields with commas, doubled quotes and line breaks, counting the lines they span', () => {
    const { records } = scan('"x, y","say ""hi""","two\nlines"\nnext\n');
    expect(records).toHaveLength(2);
    expect(records[0].line).toBe(1);
    // Bounds are raw bytes, quotes included (csv-field.ts undoes the quoting).
    expect(records[0].fields).toEqual(['"x, y"', '"say ""hi"""', '"two\nlines"']);
    expect(records[0].unclosed).toBe(false);
    expect(records[0].stray).toBe(-1);
    expect(records[1]).toMatchObject({ line: 3, fields: ['next'] });
  });

  it('skips blank lines', () => {
    const { records } = scan('a\n\n\r\nb\n');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a']],
      [4, ['b']],
    ]);
  });

  it('stops before an unterminated last record unless the bytes are final', () => {
    const partial = scan('a,b\nc,d', false);
    expect(partial.records.map((r) => r.fields)).toEqual([['a', 'b']]);
    expect(partial.stopped).toBe(4);
    const whole = scan('a,b\nc,d', true);
    expect(whole.records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('waits for the byte after a closing quote and after a \\r at the end of a chunk', () => {
    expect(scan('"a"', false).stopped).toBe(0);
    expect(scan('a\r', false).stopped).toBe(0);
    expect(scan('a\r', true).records.map((r) => r.fields)).toEqual([['a\r']]);
  });

  it('reports a quote never closed: the record has no cells, spans its first line, and reading resumes', () => {
    const { records } = scan('ok\n"open,x\nnext,row\n');
    expect(records[0].fields).toEqual(['ok']);
    expect(records[1]).toMatchObject({ line: 2, unclosed: true, text: '"open,x\n' });
    expect(records[2]).toMatchObject({ line: 3, fields: ['next', 'row'], unclosed: false });
  });

  it('marks a field with text after its closing quote as stray', () => {
    const { records } = scan('a,"b"c,d\n');
    expect(records).toHaveLength(1);
    expect(records[0].stray).toBe(1);
  });

  it('keeps a quote inside an unquoted field literal, and says so with stray -2 (no issue)', () => {
    const { records } = scan('say "hi",x\n"a",b\n');
    expect(records[0]).toMatchObject({ fields: ['say "hi"', 'x'], unclosed: false, stray: -2 });
    expect(records[1]).toMatchObject({ fields: ['"a"', 'b'], stray: -1 });
  });

  it('says stray -2 for a closing quote before a NUL byte, and for a stray quote after a literal one', () => {
    const { records } = scan('"a"\0b,x\nsay "hi","a"b\n');
    expect(records[0].stray).toBe(-2);
    // Only the record's first literal quote is judged (as the reader re-reads it): here, no issue.
    expect(records[1].stray).toBe(-2);
  });

  it('grows its field bounds past 64 fields', () => {
    const row = Array.from({ length: 200 }, (_, i) => `f${i}`);
    const { records } = scan(`${row.join(',')}\n`);
    expect(records[0].fields).toEqual(row);
  });
});

describe('delimiterLength', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('is 2 for \\r\\n, 1 for \\n, 0 for anything else', () => {
    expect(delimiterLength(bytes('\r\nx'), 0, 3, false)).toBe(2);
    expect(delimiterLength(bytes('\nx'), 0, 2, false)).toBe(1);
    expect(delimiterLength(bytes('x\n'), 0, 2, false)).toBe(0);
    expect(delimiterLength(bytes('\rx'), 0, 2, false)).toBe(0);
  });

  it('asks for more bytes after a \\r at the limit, unless the bytes are final', () => {
    expect(delimiterLength(bytes('\r'), 0, 1, false)).toBe(-1);
    expect(delimiterLength(bytes('\r'), 0, 1, true)).toBe(0);
  });
});

// The plain-field finder's fast path (a buffer known to hold no NUL byte, read record after record:
// unquoted fields skipped by native searches, the next quote remembered) finds exactly what the
// byte-by-byte path finds, field by field, on records of any shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  newFoundField,
  plainField,
  plainFieldFromEnd,
  type FoundField,
} from '../../../src/main/query/plain-field';

const cell = fc.oneof(
  fc.constantFrom('', '"', '""', 'a,b', '"q"', 'x"y', '\r', '\n', '\r\n', ',', "'=1", 'é'),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 6 }).map((text) => `"${text.replaceAll('"', '""')}"`),
);
const record = fc
  .tuple(fc.array(cell, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r', ''))
  .map(([cells, end]) => cells.join(',') + end);

const seen = (found: FoundField, ok: boolean) =>
  ok
    ? {
        ok,
        at: [found.start, found.end, found.from, found.to],
        plain: found.plain,
        doubled: found.doubled,
        text: found.doubled ? Buffer.from(found.text.subarray(0, found.length)).toString('latin1') : '',
      }
    : { ok };

describe('plainField', () => {
  it('finds the same field with native searches as byte by byte (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 5 }),
        (records, column) => {
          const buf = Buffer.from(records.join(''), 'latin1');
          if (buf.includes(0)) return;
          const slow = newFoundField();
          const fast = newFoundField();
          fast.noNul = true;
          let at = 0;
          for (const text of records) {
            const end = at + Buffer.byteLength(text, 'latin1');
            const expected = seen(slow, plainField(buf, at, end, column, 34, slow));
            expect(seen(fast, plainField(buf, at, end, column, 34, fast))).toEqual(expected);
            at = end;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** A cell as a CSV writer quotes it: when it must, and now and then when it need not. */
const text = fc.oneof(
  fc.constantFrom(
    '',
    '"',
    '""',
    'a,b',
    ',',
    '"q"',
    'x"y',
    '\r',
    '\n',
    '\r\n',
    "'=1",
    'é',
    'a\0b',
    '{"k": "v"}',
  ),
  fc.string({ maxLength: 6 }),
);
const written = fc
  .tuple(text, fc.boolean())
  .map(([value, always]) => (always || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value));

describe('plainFieldFromEnd', () => {
  it('finds, in records that all have as many fields and no literal quote, what plainField finds (fast-check)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((fields) =>
            fc.tuple(
              fc.constant(fields),
              fc.array(
                fc.tuple(
                  fc.array(written, { minLength: fields, maxLength: fields }),
                  fc.constantFrom('\n', '\r\n'),
                ),
                { minLength: 1, maxLength: 6 },
              ),
            ),
          ),
        ([fields, rows]) => {
          const records = rows.map(([cells, end]) => cells.join(',') + end);
          const buf = Buffer.from(records.join(''), 'latin1');
          let at = 0;
          for (const record of records) {
            const end = at + Buffer.byteLength(record, 'latin1');
            for (let column = 0; column < fields; column++) {
              const forward = newFoundField();
              const expected = seen(forward, plainField(buf, at, end, column, 34, forward));
              expect(expected.ok).toBe(true);
              const backward = newFoundField();
              expect(seen(backward, plainFieldFromEnd(buf, at, end, column, fields, 34, backward))).toEqual(
                expected,
              );
            }
            at = end;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('leaves a record with fewer fields, a lone CR, or a quote where none can be to the forward walk', () => {
    const found = newFoundField();
    const at = (text: string, column: number, fields: number) =>
      plainFieldFromEnd(
        Buffer.from(text, 'latin1'),
        0,
        Buffer.byteLength(text, 'latin1'),
        column,
        fields,
        34,
        found,
      );
    expect(at('a,b\n', 0, 3)).toBe(false);
    expect(at('a,b\r', 1, 2)).toBe(false);
    expect(at('a,say "hi"\n', 1, 2)).toBe(false);
    expect(at('a,x"y\n', 1, 2)).toBe(false);
    expect(at('a,""b""\n', 1, 2)).toBe(false);
    expect(at('a,"b""c"\n', 1, 2)).toBe(true);
    expect(Buffer.from(found.text.subarray(0, found.length)).toString()).toBe('b"c');
  });
});

describe('keepDoubled', () => {
  it('leaves a quoted cell as written, the same field whose `""` undone is the text, both ways (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(written, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        (cells, end) => {
          const buf = Buffer.from(cells.join(',') + end, 'latin1');
          for (let column = 0; column < cells.length; column++) {
            const find = (keepDoubled: boolean, fromEnd: boolean) => {
              const found = newFoundField();
              found.keepDoubled = keepDoubled;
              const ok = fromEnd
                ? plainFieldFromEnd(buf, 0, buf.length, column, cells.length, 34, found)
                : plainField(buf, 0, buf.length, column, 34, found);
              return { ok, found };
            };
            for (const fromEnd of [false, true]) {
              const text = find(false, fromEnd);
              const kept = find(true, fromEnd);
              expect(kept.ok).toBe(text.ok);
              expect([kept.found.from, kept.found.to, kept.found.doubled]).toEqual([
                text.found.from,
                text.found.to,
                text.found.doubled,
              ]);
              const asWritten = buf.toString('latin1', kept.found.from, kept.found.to);
              const expected = text.found.doubled
                ? Buffer.from(text.found.text.subarray(0, text.found.length)).toString('latin1')
                : buf.toString('latin1', text.found.from, text.found.to);
              expect(asWritten.replaceAll('""', '"')).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

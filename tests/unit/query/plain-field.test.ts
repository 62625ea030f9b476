// The plain-field finder's fast path (a buffer known to hold no NUL byte, read record after record:
// unquoted fields skipped by native searches, the next quote remembered) finds exactly what the
// byte-by-byte path finds, field by field, on records of any shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newFoundField, plainField, type FoundField } from '../../../src/main/query/plain-field';

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

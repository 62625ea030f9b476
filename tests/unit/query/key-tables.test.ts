// A thread keying a column remembers the keys of the values it has seen (a memo by a hash of the
// whole value): a remembered key must be exactly the key the value gets when placed afresh, for
// repeated values, values equal to a splitter, values in a gap, and once the memo turns itself off.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newKeyMemo, putKey, type KeyTables } from '../../../src/main/query/key-tables';
import { Splitters } from '../../../src/main/query/splitters';

function tablesFor(splitters: Splitters, count: number): KeyTables {
  return {
    values: splitters.values,
    shared: splitters.shared,
    withLower: splitters.withLower,
    withUpper: splitters.withUpper,
    buckets: new Uint32Array(count),
    keys: new Uint32Array(2 * count),
    hashes: new Uint32Array(2 * count),
    flags: new Uint8Array(1),
  };
}

const prefix = '{"label": "cat", "confidences": [';
const value = fc.oneof(
  fc.constantFrom('a', 'b', 'cat', 'dog', `${prefix}0.5]}`, `${prefix}0.25]}`),
  fc.string({ maxLength: 10 }).map((tail) => `${prefix}${tail}]}`),
  fc.string({ maxLength: 20 }),
);

describe('putKey with a memo', () => {
  it('writes the same bucket, key and hashes as placing each value afresh (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 300 }),
        fc.array(value, { maxLength: 8 }),
        (texts, cut) => {
          const values = [
            ...new Set(cut.map((text) => Buffer.from(text, 'utf8')).map((b) => b.toString('hex'))),
          ]
            .map((hex) => Buffer.from(hex, 'hex'))
            .sort(Buffer.compare);
          const splitters = new Splitters(values);
          const plain = tablesFor(splitters, texts.length);
          const remembered = tablesFor(splitters, texts.length);
          const memo = newKeyMemo();
          texts.forEach((text, item) => {
            const bytes = Buffer.from(`..${text}..`, 'utf8');
            putKey(plain, item, bytes, 2, bytes.length - 2);
            putKey(remembered, item, bytes, 2, bytes.length - 2, memo);
          });
          expect(remembered.buckets).toEqual(plain.buckets);
          expect(remembered.keys).toEqual(plain.keys);
          expect(remembered.hashes).toEqual(plain.hashes);
          expect(remembered.flags).toEqual(plain.flags);
          expect(memo.found).toBe(
            texts.filter((t) => t !== '').length - new Set(texts.filter((t) => t !== '')).size,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops looking once the values hardly repeat, and keys the rest as before', () => {
    const count = 70_000;
    const splitters = new Splitters([Buffer.from('m')]);
    const plain = tablesFor(splitters, count);
    const remembered = tablesFor(splitters, count);
    const memo = newKeyMemo();
    for (let item = 0; item < count; item++) {
      const bytes = Buffer.from(`path/to/sample-${item}.png`);
      putKey(plain, item, bytes, 0, bytes.length);
      putKey(remembered, item, bytes, 0, bytes.length, memo);
    }
    expect(memo.on).toBe(false);
    expect(remembered.keys).toEqual(plain.keys);
    expect(remembered.hashes).toEqual(plain.hashes);
  });
});

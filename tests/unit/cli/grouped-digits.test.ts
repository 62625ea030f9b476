import { describe, expect, it } from 'vitest';
import { groupedDigits } from '../../../src/main/cli/grouped-digits';

describe('groupedDigits', () => {
  it('writes integers as toLocaleString("en") does', () => {
    const counts = [
      0, 7, 42, 999, 1000, 12_345, 100_000, 999_999, 1_000_000, 123_456_789, -1, -1234, -1_000_000,
    ];
    for (let digits = 1; digits <= 16; digits++) counts.push(Number('9'.repeat(digits)), 10 ** (digits - 1));
    for (const count of counts) expect(groupedDigits(count), String(count)).toBe(count.toLocaleString('en'));
  });

  it('leaves what is not a safe integer to toLocaleString', () => {
    for (const value of [1234.5, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity])
      expect(groupedDigits(value)).toBe(value.toLocaleString('en'));
  });
});

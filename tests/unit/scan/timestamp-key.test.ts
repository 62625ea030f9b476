import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { timestampBound, timestampFromBytes } from '../../../src/main/scan/timestamp-key';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const parse = (text: string) => timestampFromBytes(bytes(text), 0, text.length);

describe('timestampFromBytes', () => {
  it('agrees with Date.UTC on any Gradio timestamp (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1600-01-01'), max: new Date('2400-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (date, micro) => {
          const iso = date.toISOString();
          const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(micro).padStart(3, '0')}`;
          expect(parse(text)).toBeCloseTo(date.getTime() + micro / 1000, 6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the shorter forms Gradio and people write, and rejects the rest', () => {
    expect(parse('2024-05-01 13:45:12')).toBe(Date.UTC(2024, 4, 1, 13, 45, 12));
    expect(parse('2024-05-01 13:45:12.5')).toBe(Date.UTC(2024, 4, 1, 13, 45, 12, 500));
    expect(parse('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
    expect(parse('hello world')).toBeNaN();
    expect(parse('2024-0x-01 00:00:00')).toBeNaN();
  });

  it('makes `to` bounds include the whole unit given', () => {
    expect(timestampBound('2024-05-01', 'to')).toBeGreaterThanOrEqual(parse('2024-05-01 23:59:59.999999'));
    expect(timestampBound('2024-05-01', 'to')).toBeLessThan(parse('2024-05-02'));
    expect(timestampBound('2024-05-01 10:00', 'to')).toBeGreaterThan(parse('2024-05-01 10:00:59.9'));
    expect(timestampBound('2024-05-01 10:00', 'from')).toBe(parse('2024-05-01 10:00'));
  });
});

import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../../src/renderer/src/common/format-bytes';

describe('formatBytes', () => {
  it('writes sizes in SI units', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(850_000)).toBe('850 kB');
    expect(formatBytes(2_345_678)).toBe('2.3 MB');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ANY,
  NONE,
  activeFilterCount,
  selectValue,
  withDates,
  withList,
  withStatus,
  withText,
} from '../../../../src/renderer/src/features/filters/filter-values';

describe('filter values', () => {
  it('round-trips "no reason" through a select value', () => {
    const f = withList({}, 'reasons', NONE);
    expect(f).toEqual({ reasons: [null] });
    expect(selectValue(f, 'reasons')).toBe(NONE);
    expect(withList(f, 'reasons', ANY)).toEqual({});
  });

  it('sets and clears status, text and dates, covering the whole last day', () => {
    expect(withStatus({}, 'keep')).toEqual({ statuses: ['keep'] });
    expect(withText({ text: 'x' }, '  ')).toEqual({});
    expect(withDates({}, '2024-01-01', '2024-01-31')).toEqual({
      from: '2024-01-01',
      to: '2024-01-31 23:59:59',
    });
    expect(withDates({ from: 'a', to: 'b' }, '', '')).toEqual({});
  });

  it('counts the active filters', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ text: 'a', statuses: ['drop'], from: '2024-01-01' })).toBe(3);
  });
});

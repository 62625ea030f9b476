import { describe, expect, it } from 'vitest';
import { queryDependsOnReview } from '../../../../src/renderer/src/common/review-dependent-query';

describe('queryDependsOnReview', () => {
  it('is false when neither the filter nor the sort looks at review state', () => {
    expect(queryDependsOnReview({}, undefined)).toBe(false);
    expect(
      queryDependsOnReview({ logs: ['f1/log.csv'], usernames: ['ann'] }, { by: 'timestamp', dir: 'asc' }),
    ).toBe(false);
    expect(queryDependsOnReview({ statuses: [], text: '' }, { by: 'ordinal', dir: 'desc' })).toBe(false);
  });

  it('is true when the rows shown or their order follow review state', () => {
    expect(queryDependsOnReview({ statuses: ['drop'] }, undefined)).toBe(true);
    expect(queryDependsOnReview({ reasons: [null] }, undefined)).toBe(true);
    expect(queryDependsOnReview({ text: 'blurry' }, undefined)).toBe(true);
    expect(queryDependsOnReview({}, { by: 'status', dir: 'asc' })).toBe(true);
    expect(queryDependsOnReview({}, { by: 'reason', dir: 'desc' })).toBe(true);
  });
});

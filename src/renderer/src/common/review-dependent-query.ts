// Whether a query's answer (which rows, in which order) can change when a review changes. A
// `reviewChanged` event updates the rows already shown in place; only a query that filters or
// sorts by review state has to be asked again.
import type { SampleFilter, SampleSort } from '../../../shared/api';

const REVIEW_SORTS = new Set(['reason', 'status']);

export function queryDependsOnReview(filter: SampleFilter, sort: SampleSort | undefined): boolean {
  // Text search covers the reviewer's notes; `reasons` matches the reviewer's reason when there is one.
  const filtered = [filter.statuses, filter.reasons, filter.text].some(
    (value) => value !== undefined && value.length > 0,
  );
  return filtered || filter.hasNote !== undefined || (sort !== undefined && REVIEW_SORTS.has(sort.by));
}

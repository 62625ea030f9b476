// Finding a row of the current query by a test (e.g. the next new one) without holding every row:
// the query is asked again, 200 rows at a time.
import type { ApiClient, SampleFilter, SampleSort } from '../../../shared/api';
import type { SampleRow } from '../../../shared/model';
import { PAGE_SIZE } from './paged-rows';

interface Query {
  filter: SampleFilter;
  sort: SampleSort | undefined;
}

/** Scans `from..end` then `0..from` (so "next" wraps), a query of 200 rows at a time. */
export async function findRowFrom(
  client: ApiClient,
  { filter, sort }: Query,
  total: number,
  from: number,
  test: (row: SampleRow) => boolean,
): Promise<number> {
  const scan = async (start: number, end: number): Promise<number> => {
    for (let offset = start; offset < end; offset += PAGE_SIZE * 2) {
      const limit = Math.min(PAGE_SIZE * 2, end - offset);
      const result = await client.call('samples.query', { filter, sort, offset, limit });
      const at = result.rows.findIndex(test);
      if (at >= 0) return offset + at;
    }
    return -1;
  };
  const ahead = await scan(Math.max(0, from), total);
  return ahead >= 0 ? ahead : scan(0, Math.min(from, total));
}

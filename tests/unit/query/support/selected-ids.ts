import type { SampleFilter, SampleSort } from '../../../../src/shared/api';
import type { QueryEngine } from '../../../../src/main/query/query';
import type { QueryLog } from '../../../../src/main/query/query-log';
import { SLOT } from '../../../../src/main/query/row-refs';

/** The rows a query selects, as `<log>#<row>`, in result order. */
export async function selectedIds(
  engine: QueryEngine,
  logs: QueryLog[],
  filter: SampleFilter,
  sort?: SampleSort,
): Promise<string[]> {
  const selection = await engine.select(logs, filter, sort);
  return [...selection.refs].map((ref) => {
    const q = selection.logs[Math.floor(ref / SLOT)];
    return `${q.log.file}#${ref % SLOT}`;
  });
}

// Where an export reads from: the workspace's own paged query, so the selection is exactly what the
// table shows for the same filter, and no more than one page of rows is held at a time.
import type { ExportSelection, Facets, QueryResult, SampleFilter, SampleSort } from '../../shared/api';
import type { SampleRow, WorkspaceInfo } from '../../shared/model';

/** What the exporter needs from a workspace (the Workspace class has these). */
export interface ExportSource {
  info(): WorkspaceInfo;
  query(input: {
    filter: SampleFilter;
    sort?: SampleSort;
    offset: number;
    limit: number;
  }): Promise<QueryResult>;
  facets(filter: SampleFilter): Promise<Facets>;
}

const PAGE_ROWS = 500;

/** The filter the selection stands for: the status choice replaces the filter's statuses. */
export function selectionFilter(selection: ExportSelection): SampleFilter {
  const { statuses, ...rest } = selection.filter;
  void statuses;
  if (selection.statuses.includes('any')) return rest;
  const chosen = selection.statuses.filter((status) => status !== 'any');
  return { ...rest, statuses: chosen };
}

export interface SelectedPage {
  rows: SampleRow[];
  /** Rows before this page. */
  offset: number;
  total: number;
}

/**
 * The selected rows, page by page. The count is fixed by the first page: rows Gradio appends
 * meanwhile wait for the next export rather than making the progress bar run backwards.
 */
export async function* selectedPages(
  source: ExportSource,
  selection: ExportSelection,
  signal?: AbortSignal,
  pageRows = PAGE_ROWS,
): AsyncGenerator<SelectedPage> {
  const filter = selectionFilter(selection);
  let total = Number.POSITIVE_INFINITY;
  for (let offset = 0; offset < total;) {
    signal?.throwIfAborted();
    const page = await source.query({ filter, offset, limit: pageRows });
    if (offset === 0) total = page.total;
    const rows = page.rows.slice(0, Math.max(0, total - offset));
    if (rows.length === 0) return;
    yield { rows, offset, total };
    offset += rows.length;
  }
}

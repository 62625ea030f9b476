// An export of nothing is a mistake: say how many samples each status has, so the user sees which
// choice would select something.
import type { ExportSelection } from '../../shared/api';
import type { ExportSource } from './source';
import { selectionFilter } from './source';

export class EmptySelectionError extends Error {}

const STATUS_ORDER = ['keep', 'drop', 'unsure', 'unreviewed'] as const;

export function statusCountsText(byStatus: Record<string, number>): string {
  return STATUS_ORDER.map((status) => `${byStatus[status] ?? 0} ${status}`).join(', ');
}

/** The workspace's counts per status under the selection's filter, whatever statuses were chosen. */
export async function countsByStatus(
  source: ExportSource,
  selection: ExportSelection,
): Promise<Record<string, number>> {
  const facets = await source.facets(selectionFilter({ ...selection, statuses: ['any'] }));
  return facets.byStatus;
}

export async function emptySelectionError(
  source: ExportSource,
  selection: ExportSelection,
): Promise<EmptySelectionError> {
  const chosen = selection.statuses.join(', ');
  const counts = statusCountsText(await countsByStatus(source, selection));
  return new EmptySelectionError(
    `no samples to export with status ${chosen} (matching the filter: ${counts}); choose another status or filter`,
  );
}

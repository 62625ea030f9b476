// Review progress: counts per status and per reason, "in the filter / in the workspace".
import type { Facets } from '../../../../shared/api';
import type { FacetPair } from './use-facets';

const statuses = ['unreviewed', 'keep', 'drop', 'unsure'];

function reasonCount(facets: Facets | undefined, reason: string | null): number {
  return facets?.byReason.find((r) => r.reason === reason)?.count ?? 0;
}

interface Props {
  facets: FacetPair;
  /** More progress below the counts (each folder's, when several are open). */
  children?: React.ReactNode;
}

export function FacetsBar({ facets, children }: Props): React.JSX.Element | null {
  const { all, filtered } = facets;
  if (!all) return null;
  const reviewed = all.total - (all.byStatus.unreviewed ?? 0);
  return (
    <footer className="facets-bar" data-testid="facets">
      <span className="progress-text" title="Reviewed samples in the workspace">
        reviewed {reviewed}/{all.total}
      </span>
      <span className="facet-group">
        {statuses.map((s) => (
          <span key={s} className={`facet status-${s}`} data-facet={`status:${s}`}>
            {s} <strong>{filtered?.byStatus[s] ?? 0}</strong>
            <span className="muted">/{all.byStatus[s] ?? 0}</span>
          </span>
        ))}
      </span>
      <span className="facet-group">
        {all.byReason.slice(0, 8).map((r) => (
          <span key={r.reason ?? '\u0000'} className="facet" data-facet={`reason:${r.reason ?? ''}`}>
            {r.reason ?? '(no reason)'} <strong>{reasonCount(filtered, r.reason)}</strong>
            <span className="muted">/{r.count}</span>
          </span>
        ))}
      </span>
      {children}
    </footer>
  );
}

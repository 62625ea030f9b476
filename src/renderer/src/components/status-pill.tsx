// A triage status as a small coloured pill.
import type { ReviewStatus } from '../../../shared/model';

export function StatusPill({ status }: { status: ReviewStatus }): React.JSX.Element {
  return <span className={`pill status-${status}`}>{status}</span>;
}

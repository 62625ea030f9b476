// Shown while several samples are selected: set status or reason on all of them in one edit.
import type { ReviewPatch } from '../../../../shared/api';
import type { ReviewStatus } from '../../../../shared/model';

interface Props {
  count: number;
  matching: number;
  allMatching: boolean;
  options: string[];
  onEdit: (patch: ReviewPatch, what: string) => Promise<boolean>;
  onSelectAll: () => void;
  onClear: () => void;
}

const statuses: ReviewStatus[] = ['keep', 'drop', 'unsure', 'unreviewed'];

export function BulkBar(props: Props): React.JSX.Element {
  const { count, matching, allMatching, options, onEdit } = props;
  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <strong>{count} selected</strong>
      {!allMatching && count < matching && (
        <button type="button" className="link" onClick={props.onSelectAll}>
          Select all {matching} matching
        </button>
      )}
      <span className="muted">Set status:</span>
      {statuses.map((s) => (
        <button
          type="button"
          key={s}
          className={`status-button status-${s}`}
          onClick={() => void onEdit({ status: s }, `Status ${s}`)}
        >
          {s}
        </button>
      ))}
      <label>
        <span className="muted">Set reason: </span>
        <select
          aria-label="Set reason on selection"
          value=""
          onChange={(e) => {
            const v = e.target.value;
            if (v === '\u0000clear') void onEdit({ reason: null }, 'Reason cleared');
            else if (v) void onEdit({ reason: v }, `Reason "${v}"`);
          }}
        >
          <option value="">choose…</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          <option value={'\u0000clear'}>(clear reason)</option>
        </select>
      </label>
      <button type="button" onClick={props.onClear}>
        Clear selection
      </button>
    </div>
  );
}

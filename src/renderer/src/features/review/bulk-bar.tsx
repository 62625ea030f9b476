// Shown while several samples are selected: set status or reason on all of them in one edit.
import type { ReviewPatch } from '../../../../shared/api';
import type { ReviewStatus } from '../../../../shared/model';

/** The flag options of one folder of the selection, as the reviewer knows the folder. */
export interface FolderOptions {
  label: string;
  options: string[];
}

interface Props {
  count: number;
  matching: number;
  allMatching: boolean;
  /** One entry per folder of the selection. */
  folders: FolderOptions[];
  onEdit: (patch: ReviewPatch, what: string) => Promise<boolean>;
  onSelectAll: () => void;
  onClear: () => void;
}

const statuses: ReviewStatus[] = ['keep', 'drop', 'unsure', 'unreviewed'];

export function BulkBar(props: Props): React.JSX.Element {
  const { count, matching, allMatching, folders, onEdit } = props;
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
            else if (v.startsWith('\u0000option')) {
              const n = Number(v.slice('\u0000option'.length));
              void onEdit({ reasonOption: n }, `Reason option ${n} of each folder`);
            } else if (v) void onEdit({ reason: v }, `Reason "${v}"`);
          }}
        >
          <option value="">choose…</option>
          {folders.length > 1 ? (
            <PerFolderChoices folders={folders} />
          ) : (
            <Choices options={folders[0]?.options ?? []} />
          )}
          <option value={'\u0000clear'}>(clear reason)</option>
        </select>
      </label>
      <button type="button" onClick={props.onClear}>
        Clear selection
      </button>
    </div>
  );
}

function Choices({ options }: { options: string[] }): React.JSX.Element {
  return (
    <>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </>
  );
}

/** Option N of several folders means a different reason in each: every choice says which. */
function PerFolderChoices({ folders }: { folders: FolderOptions[] }): React.JSX.Element {
  const most = Math.min(9, Math.max(...folders.map((f) => f.options.length)));
  return (
    <>
      {Array.from({ length: most }, (_, i) => (
        <option key={i} value={`\u0000option${i + 1}`}>
          {`${i + 1}: ${folders.map((f) => `${f.label} → ${f.options[i] ?? '(none)'}`).join(' · ')}`}
        </option>
      ))}
    </>
  );
}

// Filters: search, review reason, original reason, status, log, user, date range; with the count
// of matching samples always in view.
import { useEffect, useState, type RefObject } from 'react';
import type { Facets, SampleFilter } from '../../../../shared/api';
import type { FolderInfo } from '../../../../shared/model';
import { logKey } from '../../common/rows';
import { folderLabels } from '../../common/folder-labels';
import type { ReplayRunChoice } from '../../common/use-replay-runs';
import { ReplayFilters } from './replay-filters';
import {
  ANY,
  activeFilterCount,
  dateOf,
  encodeNullable,
  selectValue,
  withDates,
  withFolder,
  withHasNote,
  withList,
  withLog,
  withStatus,
  withText,
} from './filter-values';
import { useDebounced } from './use-debounced';

interface Props {
  filter: SampleFilter;
  onChange: (filter: SampleFilter) => void;
  folders: FolderInfo[];
  facets: Facets | undefined;
  reasonChoices: string[];
  matching: number;
  searchRef: RefObject<HTMLInputElement | null>;
  /** The saved views' controls. */
  views?: React.ReactNode;
  /** The open folders' replay runs, newest first (the replay filter shows when there are some). */
  replayRuns?: ReplayRunChoice[];
}

function ReasonOptions({ values }: { values: (string | null)[] }): React.JSX.Element {
  return (
    <>
      <option value={ANY}>any</option>
      {values.map((r) => (
        <option key={encodeNullable(r)} value={encodeNullable(r)}>
          {r ?? '(none)'}
        </option>
      ))}
    </>
  );
}

export function FiltersBar({
  filter,
  onChange,
  folders,
  facets,
  reasonChoices,
  matching,
  searchRef,
  views,
  replayRuns = [],
}: Props): React.JSX.Element {
  const [text, setText] = useState(filter.text ?? '');
  const settled = useDebounced(text, 250);
  // The text this field last put in the filter: a filter text that differs came from elsewhere.
  const [sentText, setSentText] = useState(filter.text ?? '');
  useEffect(() => {
    if ((filter.text ?? '') === settled) return;
    // Recorded as it is sent (one extra render per settled search) so the echo is told apart.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSentText(settled);
    onChange(withText(filter, settled));
    // Only the settled text drives this; the filter is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  // A filter set from elsewhere (Clear filters, a saved view, the address bar) shows its text in
  // the field at once, even while a debounced older text is pending, which would otherwise win.
  if ((filter.text ?? '') !== sentText) {
    setSentText(filter.text ?? '');
    setText(filter.text ?? '');
  }

  const reasons = [
    ...new Set<string | null>([...(facets?.byReason.map((r) => r.reason) ?? []), ...reasonChoices, null]),
  ];
  const labels = folderLabels(folders);
  const inFolders = filter.folderIds?.length
    ? folders.filter((f) => filter.folderIds?.includes(f.id))
    : folders;
  const logs = inFolders.flatMap((f) =>
    f.logs.map((l) => ({
      key: logKey(f.id, l.file),
      name: folders.length > 1 ? `${labels.get(f.id) ?? f.name}/${l.file}` : l.file,
    })),
  );
  const users = facets?.byUsername.map((u) => u.username) ?? [];

  return (
    <div className="filters-bar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label="Search text"
        placeholder="Search text and notes  ( / )"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
      />
      <label>
        Review flag
        <select
          aria-label="Filter by flag reason"
          value={selectValue(filter, 'reasons')}
          onChange={(e) => onChange(withList(filter, 'reasons', e.target.value))}
        >
          <ReasonOptions values={reasons} />
        </select>
      </label>
      <label>
        Original flag
        <select
          aria-label="Filter by original flag"
          value={selectValue(filter, 'originalReasons')}
          onChange={(e) => onChange(withList(filter, 'originalReasons', e.target.value))}
        >
          <ReasonOptions values={reasons} />
        </select>
      </label>
      <label>
        Status
        <select
          aria-label="Filter by status"
          value={filter.statuses?.[0] ?? ANY}
          onChange={(e) => onChange(withStatus(filter, e.target.value))}
        >
          <option value={ANY}>any</option>
          {['unreviewed', 'keep', 'drop', 'unsure'].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {folders.length > 1 && (
        <label>
          Folder
          <select
            aria-label="Filter by folder"
            value={filter.folderIds?.[0] ?? ANY}
            onChange={(e) => onChange(withFolder(filter, e.target.value))}
          >
            <option value={ANY}>all</option>
            {folders.map((f) => (
              <option key={f.id} value={f.id} title={f.path}>
                {labels.get(f.id) ?? f.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {logs.length > 1 && (
        <label>
          Log
          <select
            aria-label="Filter by log"
            value={filter.logs?.[0] ?? ANY}
            onChange={(e) => onChange(withLog(filter, e.target.value))}
          >
            <option value={ANY}>all</option>
            {logs.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {users.some((u) => u !== null) && (
        <label>
          User
          <select
            aria-label="Filter by username"
            value={selectValue(filter, 'usernames')}
            onChange={(e) => onChange(withList(filter, 'usernames', e.target.value))}
          >
            <ReasonOptions values={users} />
          </select>
        </label>
      )}
      {(replayRuns.length > 0 || filter.replay) && (
        <ReplayFilters filter={filter} onChange={onChange} runs={replayRuns} />
      )}
      <label className="checkbox-filter">
        <input
          type="checkbox"
          checked={filter.hasNote === true}
          onChange={(e) => onChange(withHasNote(filter, e.target.checked))}
        />
        Has note
      </label>
      <label>
        From
        <input
          type="date"
          aria-label="From date"
          value={dateOf(filter.from)}
          onChange={(e) => onChange(withDates(filter, e.target.value, dateOf(filter.to)))}
        />
      </label>
      <label>
        To
        <input
          type="date"
          aria-label="To date"
          value={dateOf(filter.to)}
          onChange={(e) => onChange(withDates(filter, dateOf(filter.from), e.target.value))}
        />
      </label>
      {activeFilterCount(filter) > 0 && (
        <button
          type="button"
          className="link"
          onClick={() => {
            setText('');
            onChange({});
          }}
        >
          Clear filters
        </button>
      )}
      {views}
      <span className="match-count" data-testid="match-count" aria-live="polite">
        {matching.toLocaleString('en-US')} {matching === 1 ? 'sample' : 'samples'}
        {facets && activeFilterCount(filter) > 0 && (
          <span className="muted"> of {facets.total.toLocaleString('en-US')}</span>
        )}
      </span>
    </div>
  );
}

// Filters: search, review reason, original reason, status, log, user, date range; with the count
// of matching samples always in view.
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { Facets, SampleFilter } from '../../../../shared/api';
import type { FolderInfo } from '../../../../shared/model';
import { folderLabels } from '../../common/folder-labels';
import type { ReplayRunChoice } from '../../common/use-replay-runs';
import { FilterSelect, type FilterChoice } from './filter-select';
import { logChoices } from './log-choices';
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

/** Reasons or usernames as choices; `null` ("none") encoded so it survives the select. */
const nullableChoices = (values: (string | null)[]): FilterChoice[] =>
  values.map((value) => ({ value: encodeNullable(value), label: value ?? '(none)' }));

const STATUSES = ['unreviewed', 'keep', 'drop', 'unsure'].map((s) => ({ value: s, label: s }));

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
  const logs = useMemo(
    () => logChoices(folders, { folderIds: filter.folderIds, logs: filter.logs }),
    [folders, filter.folderIds, filter.logs],
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
      <FilterSelect
        label="Review flag"
        name="Filter by flag reason"
        value={selectValue(filter, 'reasons')}
        choices={nullableChoices(reasons)}
        onChange={(value) => onChange(withList(filter, 'reasons', value))}
      />
      <FilterSelect
        label="Original flag"
        name="Filter by original flag"
        value={selectValue(filter, 'originalReasons')}
        choices={nullableChoices(reasons)}
        onChange={(value) => onChange(withList(filter, 'originalReasons', value))}
      />
      <FilterSelect
        label="Status"
        name="Filter by status"
        value={filter.statuses?.[0] ?? ANY}
        choices={STATUSES}
        onChange={(value) => onChange(withStatus(filter, value))}
      />
      {folders.length > 1 && (
        <FilterSelect
          label="Folder"
          name="Filter by folder"
          anyLabel="all"
          value={filter.folderIds?.[0] ?? ANY}
          choices={folders.map((f) => ({ value: f.id, label: labels.get(f.id) ?? f.name, title: f.path }))}
          onChange={(value) => onChange(withFolder(filter, value))}
        />
      )}
      {logs.shown && (
        <FilterSelect
          label="Log"
          name="Filter by log"
          anyLabel="all"
          value={filter.logs?.[0] ?? ANY}
          choices={logs.choices}
          onChange={(value) => onChange(withLog(filter, value))}
        />
      )}
      {users.some((u) => u !== null) && (
        <FilterSelect
          label="User"
          name="Filter by username"
          value={selectValue(filter, 'usernames')}
          choices={nullableChoices(users)}
          onChange={(value) => onChange(withList(filter, 'usernames', value))}
        />
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

// The replay filter: which outcome (in the run the table's `replay` column shows), and which run
// when a folder has several.
import type { SampleFilter } from '../../../../shared/api';
import type { ReplayRunChoice } from '../../common/use-replay-runs';
import { FilterSelect, type FilterChoice } from './filter-select';
import { ANY, withReplayOutcome, withReplayRun } from './filter-values';

const REPLAY_MARKS: FilterChoice[] = [
  { value: 'changed', label: 'changed' },
  { value: 'same', label: 'same' },
  { value: 'error', label: 'error' },
  { value: 'skipped', label: 'skipped' },
  {
    value: 'none',
    label: 'not replayed',
    // A result made from a row that has since been rewritten does not describe the row any more.
    title: 'No result in the run shown, or the log row was rewritten since it was replayed',
  },
];

export function ReplayFilters({
  filter,
  onChange,
  runs,
}: {
  filter: SampleFilter;
  onChange: (filter: SampleFilter) => void;
  runs: ReplayRunChoice[];
}): React.JSX.Element {
  return (
    <>
      <FilterSelect
        label="Replay"
        name="Filter by replay outcome"
        value={filter.replay?.outcomes?.[0] ?? ANY}
        choices={REPLAY_MARKS}
        onChange={(value) => onChange(withReplayOutcome(filter, value))}
      />
      {runs.length > 1 && (
        <FilterSelect
          label="Run"
          name="Replay run shown"
          anyLabel="latest"
          value={filter.replay?.run ?? ANY}
          choices={runs.map(({ run, summary }) => ({
            value: run,
            label: `${run} (${summary.counts.changed} changed)`,
            title: `${summary.app} ${summary.endpoint}`,
          }))}
          onChange={(value) => onChange(withReplayRun(filter, value))}
        />
      )}
    </>
  );
}

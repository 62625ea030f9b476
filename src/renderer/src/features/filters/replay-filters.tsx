// The replay filter: which outcome (in the run the table's `replay` column shows), and which run
// when a folder has several.
import type { SampleFilter } from '../../../../shared/api';
import type { ReplayRunChoice } from '../../common/use-replay-runs';
import { ANY, withReplayOutcome, withReplayRun } from './filter-values';

const REPLAY_MARKS = [
  ['changed', 'changed'],
  ['same', 'same'],
  ['error', 'error'],
  ['skipped', 'skipped'],
  ['none', 'not replayed'],
] as const;

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
      <label>
        Replay
        <select
          aria-label="Filter by replay outcome"
          value={filter.replay?.outcomes?.[0] ?? ANY}
          onChange={(e) => onChange(withReplayOutcome(filter, e.target.value))}
        >
          <option value={ANY}>any</option>
          {REPLAY_MARKS.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {runs.length > 1 && (
        <label>
          Run
          <select
            aria-label="Replay run shown"
            value={filter.replay?.run ?? ANY}
            onChange={(e) => onChange(withReplayRun(filter, e.target.value))}
          >
            <option value={ANY}>latest</option>
            {runs.map(({ run, summary }) => (
              <option key={run} value={run} title={`${summary.app} ${summary.endpoint}`}>
                {run} ({summary.counts.changed} changed)
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

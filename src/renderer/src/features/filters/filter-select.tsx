// One filter of the bar: a visible label over a select whose first choice is "any" (or "all",
// "latest": no restriction); the select's accessible name says what it filters.
import { ANY } from './filter-values';

export interface FilterChoice {
  value: string;
  label: string;
  /** Shown on hover (a folder's path, a run's app). */
  title?: string;
}

interface Props {
  label: string;
  /** The select's accessible name, e.g. "Filter by status". */
  name: string;
  value: string;
  choices: readonly FilterChoice[];
  onChange: (value: string) => void;
  /** What the no-restriction choice says (default "any"). */
  anyLabel?: string;
}

export function FilterSelect({
  label,
  name,
  value,
  choices,
  onChange,
  anyLabel = 'any',
}: Props): React.JSX.Element {
  return (
    <label>
      {label}
      <select aria-label={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value={ANY}>{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} title={choice.title}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

// The endpoint's inputs and outputs, each with the log column mapped to it (proposed by label).
import type { Endpoint, ReplayMapping } from '../../../../shared/replay';
import { COMPARISON_RULES } from '../../../../shared/replay';

interface Props {
  endpoint: Endpoint;
  columns: string[];
  mapping: ReplayMapping;
  onChange(mapping: ReplayMapping): void;
}

const RULE_OF: Record<string, string> = {
  Textbox: 'text',
  Number: 'number',
  Label: 'label',
  Image: 'image',
  Audio: 'audio',
  Chatbot: 'chat',
  JSON: 'json',
  File: 'file',
};

export function MappingFields({ endpoint, columns, mapping, onChange }: Props): React.JSX.Element {
  const set = (side: 'inputs' | 'outputs', label: string, column: string): void => {
    const next = { ...mapping[side] };
    if (column === '') delete next[label];
    else next[label] = column;
    onChange({ ...mapping, [side]: next });
  };
  const row = (side: 'inputs' | 'outputs', label: string, component: string) => (
    <tr key={`${side}-${label}`}>
      <td>
        {label} <span className="muted">({component})</span>
      </td>
      <td>
        <select
          aria-label={`Column for ${side === 'inputs' ? 'input' : 'output'} ${label}`}
          value={mapping[side][label] ?? ''}
          onChange={(e) => set(side, label, e.target.value)}
        >
          <option value="">{side === 'inputs' ? '— choose a column —' : '— not compared —'}</option>
          {columns.map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
        </select>
      </td>
      <td className="muted">
        {side === 'outputs' ? `same = ${COMPARISON_RULES[RULE_OF[component] ?? 'json'] ?? ''}` : ''}
      </td>
    </tr>
  );
  return (
    <table className="replay-mapping">
      <thead>
        <tr>
          <th>{endpoint.apiName}</th>
          <th>Log column</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {endpoint.inputs.map((slot) => row('inputs', slot.label, slot.component))}
        {endpoint.outputs.map((slot) => row('outputs', slot.label, slot.component))}
      </tbody>
    </table>
  );
}

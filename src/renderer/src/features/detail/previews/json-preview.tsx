// JSON as a collapsible tree (details/summary: keyboard-accessible for free).
type Json = unknown;

function summaryOf(value: Json): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  return `{${Object.keys(value as object).length}}`;
}

function Node({
  name,
  value,
  depth,
}: {
  name: string | null;
  value: Json;
  depth: number;
}): React.JSX.Element {
  const label = name === null ? null : <span className="json-key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-leaf">
        {label}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return (
    <details open={depth < 2} className="json-node">
      <summary>
        {label}
        <span className="muted">{summaryOf(value)}</span>
      </summary>
      {entries.map(([k, v]) => (
        <Node key={k} name={k} value={v} depth={depth + 1} />
      ))}
    </details>
  );
}

export function JsonPreview({ value }: { value: Json }): React.JSX.Element {
  return (
    <div className="json-preview">
      <Node name={null} value={value} depth={0} />
    </div>
  );
}

// A classifier label with its confidences as bars.
import type { LabelValue } from './cell-values';

export function LabelPreview({ value }: { value: LabelValue }): React.JSX.Element {
  return (
    <div className="label-preview">
      <div className="label-top">{value.label ?? <span className="muted">no label</span>}</div>
      {value.confidences.slice(0, 10).map((c) => (
        <div className="confidence" key={c.label}>
          <span className="confidence-name">{c.label}</span>
          <span className="confidence-bar">
            <span style={{ width: `${Math.max(0, Math.min(1, c.confidence)) * 100}%` }} />
          </span>
          <span className="confidence-value">{(c.confidence * 100).toFixed(1)}%</span>
        </div>
      ))}
    </div>
  );
}

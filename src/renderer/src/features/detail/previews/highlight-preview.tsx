// Highlighted text: tokens with their class or confidence as coloured marks.
import type { HighlightSpan } from '../../../common/cell-values';

const palette = 8;

function hue(tag: string): number {
  let h = 0;
  for (const ch of tag) h = (h * 31 + ch.charCodeAt(0)) % palette;
  return h;
}

export function HighlightPreview({ spans }: { spans: HighlightSpan[] }): React.JSX.Element {
  return (
    <p className="highlight-preview">
      {spans.map((s, i) =>
        s.tag === null ? (
          <span key={i}>{s.token}</span>
        ) : typeof s.tag === 'number' ? (
          <mark key={i} style={{ opacity: 0.35 + 0.65 * Math.min(1, Math.abs(s.tag)) }} title={String(s.tag)}>
            {s.token}
          </mark>
        ) : (
          <mark key={i} className={`hl-${hue(s.tag)}`} title={s.tag}>
            {s.token}
            <small>{s.tag}</small>
          </mark>
        ),
      )}
    </p>
  );
}

// One cell in the table, drawn compactly by its column's kind.
import type { Cell, ColumnKind } from '../../../../shared/model';
import { useApi } from '../../common/api-context';
import { AssetBadge, baseName } from '../../components/asset-badge';
import { cellValue, parseChat, parseLabel } from '../../common/cell-values';

interface Props {
  folderId: string;
  cell: Cell | undefined;
  kind: ColumnKind;
}

const mediaKinds = new Set<ColumnKind>(['image', 'audio', 'video', 'file', 'gallery', 'model3d']);

export function CellView({ folderId, cell, kind }: Props): React.JSX.Element | null {
  const { mediaUrl } = useApi();
  if (!cell || cell.text === '') return null;
  if (mediaKinds.has(kind) && cell.assets.length > 0) {
    const first = cell.assets[0];
    const more = cell.assets.length > 1 ? <span className="muted"> +{cell.assets.length - 1}</span> : null;
    if (first.status !== 'resolved' || !first.path) return <AssetBadge asset={first} />;
    if (first.media === 'image') {
      return (
        <span className="cell-thumb">
          <img src={mediaUrl(folderId, first.path, { thumb: 96 })} alt={baseName(first.ref)} loading="lazy" />
          {more}
        </span>
      );
    }
    const icon = first.media === 'audio' ? '♪' : first.media === 'video' ? '▶' : '📄';
    return (
      <span className="cell-file" title={first.ref}>
        {icon} {baseName(first.ref)}
        {more}
      </span>
    );
  }
  return <span title={cell.text}>{summary(cell, kind)}</span>;
}

function summary(cell: Cell, kind: ColumnKind): string {
  if (kind === 'label') {
    const label = parseLabel(cellValue(cell), cell.text);
    if (!label) return '';
    const top = label.confidences[0];
    return top ? `${label.label ?? '—'} (${Math.round(top.confidence * 100)}%)` : (label.label ?? '—');
  }
  if (kind === 'chat') {
    const messages = parseChat(cellValue(cell));
    if (messages) {
      const texts = messages.flatMap((m) => m.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])));
      return `${messages.length} msg · ${texts[texts.length - 1] ?? ''}`;
    }
  }
  return cell.text.length > 300 ? `${cell.text.slice(0, 300)}…` : cell.text;
}

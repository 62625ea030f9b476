// The full preview of one cell, chosen by its column's kind; falls back to the text, and always
// shows the files a cell references (with a badge for each one that cannot be shown).
import type { Cell, ColumnKind } from '../../../../shared/model';
import {
  cellValue,
  galleryCaptions,
  parseChat,
  parseDataframe,
  parseHighlight,
  parseLabel,
} from './cell-values';
import { AssetView } from './previews/AssetView';
import { ChatPreview } from './previews/ChatPreview';
import { DataframePreview } from './previews/DataframePreview';
import { GalleryPreview } from './previews/GalleryPreview';
import { HighlightPreview } from './previews/HighlightPreview';
import { JsonPreview } from './previews/JsonPreview';
import { LabelPreview } from './previews/LabelPreview';

interface Props {
  folderId: string;
  cell: Cell;
  kind: ColumnKind;
}

function Assets({ folderId, cell }: { folderId: string; cell: Cell }): React.JSX.Element {
  return (
    <div className="assets">
      {cell.assets.map((a, i) => (
        <AssetView key={i} folderId={folderId} asset={a} />
      ))}
    </div>
  );
}

export function CellPreview({ folderId, cell, kind }: Props): React.JSX.Element {
  if (cell.text === '' && cell.assets.length === 0) return <p className="muted">empty</p>;
  const value = cellValue(cell);
  switch (kind) {
    case 'gallery':
      return <GalleryPreview folderId={folderId} assets={cell.assets} captions={galleryCaptions(value)} />;
    case 'chat': {
      const messages = parseChat(value);
      if (messages) return <ChatPreview folderId={folderId} messages={messages} assets={cell.assets} />;
      break;
    }
    case 'label': {
      const label = parseLabel(value, cell.text);
      if (label) return <LabelPreview value={label} />;
      break;
    }
    case 'dataframe': {
      const frame = parseDataframe(value);
      if (frame) return <DataframePreview value={frame} />;
      break;
    }
    case 'highlight': {
      const spans = parseHighlight(value);
      if (spans) return <HighlightPreview spans={spans} />;
      break;
    }
    case 'json':
      if (value !== undefined && cell.assets.length === 0) return <JsonPreview value={value} />;
      break;
  }
  if (cell.assets.length > 0) return <Assets folderId={folderId} cell={cell} />;
  if (value !== undefined && typeof value === 'object') return <JsonPreview value={value} />;
  return <p className="text-value">{cell.text}</p>;
}

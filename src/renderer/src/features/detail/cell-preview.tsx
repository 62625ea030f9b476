// The full preview of one cell, chosen by its column's kind; falls back to the text. Every file a
// cell references is shown (or badged) whatever the kind, since ragged rows put paths anywhere.
import type { Cell, ColumnKind } from '../../../../shared/model';
import {
  cellValue,
  feedbackMessage,
  galleryCaptions,
  parseChat,
  parseDataframe,
  parseHighlight,
  parseLabel,
} from '../../common/cell-values';
import { AssetView } from './previews/asset-view';
import { ChatPreview } from './previews/chat-preview';
import { DataframePreview } from './previews/dataframe-preview';
import { GalleryPreview } from './previews/gallery-preview';
import { HighlightPreview } from './previews/highlight-preview';
import { JsonPreview } from './previews/json-preview';
import { LabelPreview } from '../../common/label-preview';

interface Props {
  folderId: string;
  cell: Cell;
  kind: ColumnKind;
  /** A ChatCSVLogger row's `index` and feedback: which message was liked or disliked. */
  feedback?: { index: string; value: string | null };
}

/** The structured view of a cell's value, when its kind has one and the value fits it. */
function structured(kind: ColumnKind, value: unknown, cell: Cell): React.JSX.Element | null {
  switch (kind) {
    case 'label': {
      const label = parseLabel(value, cell.text);
      return label && <LabelPreview value={label} />;
    }
    case 'dataframe': {
      const frame = parseDataframe(value);
      return frame && <DataframePreview value={frame} />;
    }
    case 'highlight': {
      const spans = parseHighlight(value);
      return spans && <HighlightPreview spans={spans} />;
    }
    default:
      return null;
  }
}

export function CellPreview({ folderId, cell, kind, feedback }: Props): React.JSX.Element {
  if (cell.text === '' && cell.assets.length === 0) return <p className="muted">empty</p>;
  const value = cellValue(cell);
  if (Array.isArray(value) && value.length === 0 && cell.assets.length === 0) {
    return <p className="muted">empty list</p>;
  }
  if (kind === 'gallery' && cell.assets.length > 0) {
    return <GalleryPreview folderId={folderId} assets={cell.assets} captions={galleryCaptions(value)} />;
  }
  if (kind === 'chat') {
    const messages = parseChat(value);
    const message = feedback ? feedbackMessage(value, feedback.index) : null;
    if (messages) {
      return (
        <ChatPreview
          folderId={folderId}
          messages={messages}
          assets={cell.assets}
          feedback={feedback && message !== null ? { message, value: feedback.value } : undefined}
        />
      );
    }
  }
  const view = structured(kind, value, cell);
  const assets = cell.assets.map((a, i) => <AssetView key={i} folderId={folderId} asset={a} />);
  if (view) {
    return (
      <div className="assets">
        {view}
        {assets}
      </div>
    );
  }
  if (assets.length > 0) return <div className="assets">{assets}</div>;
  if (value !== undefined && typeof value === 'object') return <JsonPreview value={value} />;
  return <p className="text-value">{cell.text}</p>;
}

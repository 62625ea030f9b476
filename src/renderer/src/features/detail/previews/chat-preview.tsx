// A conversation as bubbles: markdown text (raw HTML not rendered) and attached files.
import Markdown from 'markdown-to-jsx/react';
import type { AssetRef } from '../../../../../shared/model';
import type { ChatMessage } from '../../../common/cell-values';
import { AssetView } from './asset-view';

interface Props {
  folderId: string;
  messages: ChatMessage[];
  assets: AssetRef[];
}

export function ChatPreview({ folderId, messages, assets }: Props): React.JSX.Element {
  const byRef = new Map(assets.map((a) => [a.ref, a]));
  return (
    <div className="chat-preview">
      {messages.map((m, i) => (
        <div className={`bubble bubble-${m.role}`} key={i}>
          <div className="bubble-role">{m.role}</div>
          {m.parts.map((part, j) => {
            if (part.kind === 'text') {
              return (
                <Markdown key={j} options={{ disableParsingRawHTML: true, forceBlock: true }}>
                  {part.text}
                </Markdown>
              );
            }
            const asset = byRef.get(part.ref);
            return asset ? (
              <AssetView key={j} folderId={folderId} asset={asset} />
            ) : (
              <span key={j} className="badge badge-missing" data-testid="chat-file-unknown">
                file not found: {part.ref}
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}

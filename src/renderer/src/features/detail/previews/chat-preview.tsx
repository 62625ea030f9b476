// A conversation as bubbles: markdown text (raw HTML not rendered) and attached files. The message
// a ChatCSVLogger row liked or disliked is highlighted, with the feedback given.
import Markdown from 'markdown-to-jsx/react';
import type { AssetRef } from '../../../../../shared/model';
import type { ChatMessage } from '../../../common/cell-values';
import { AssetView } from './asset-view';

interface Props {
  folderId: string;
  messages: ChatMessage[];
  assets: AssetRef[];
  /** The message the feedback was given to (the first of its group), and the feedback. */
  feedback?: { message: number; value: string | null };
}

/** The feedback's message and the rest of its group (a bot's reply may span several messages). */
function inFeedbackGroup(messages: ChatMessage[], at: number, start: number): boolean {
  if (at < start) return false;
  for (let i = start; i <= at; i++) if (messages[i].role !== messages[start].role) return false;
  return true;
}

function feedbackLabel(value: string | null): string {
  if (value === 'Like') return '👍 Liked';
  if (value === 'Dislike') return '👎 Disliked';
  return value ? `Feedback: ${value}` : 'Feedback withdrawn';
}

export function ChatPreview({ folderId, messages, assets, feedback }: Props): React.JSX.Element {
  const byRef = new Map(assets.map((a) => [a.ref, a]));
  return (
    <div className="chat-preview">
      {messages.map((m, i) => {
        const marked = feedback !== undefined && inFeedbackGroup(messages, i, feedback.message);
        const tone = feedback?.value === 'Dislike' ? 'dislike' : 'like';
        return (
          <div
            className={`bubble bubble-${m.role}${marked ? ` bubble-feedback feedback-${tone}` : ''}`}
            key={i}
            data-testid={marked ? 'chat-feedback-message' : undefined}
          >
            <div className="bubble-role">
              {m.role}
              {marked && i === feedback.message && (
                <span className="feedback-badge">{feedbackLabel(feedback.value)}</span>
              )}
            </div>
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
        );
      })}
    </div>
  );
}

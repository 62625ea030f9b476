// The review editor of the current sample: triage status, flag reason (numbered options, 0 clears),
// the original reason beside it, and a note saved on blur or Ctrl/⌘+Enter.
import { useRef, useState, type RefObject } from 'react';
import { MAX_NOTE_BYTES, type ReviewPatch } from '../../../../shared/api';
import type { ReviewStatus, SampleRow } from '../../../../shared/model';
import { currentReason } from '../../common/rows';

const statuses: { status: ReviewStatus; key: string }[] = [
  { status: 'keep', key: 'a' },
  { status: 'drop', key: 'x' },
  { status: 'unsure', key: 'u' },
  { status: 'unreviewed', key: 'r' },
];

interface Props {
  row: SampleRow;
  options: string[];
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onEdit: (patch: ReviewPatch, what: string) => Promise<boolean>;
}

export function ReviewPanel({ row, options, noteRef, onEdit }: Props): React.JSX.Element {
  // The parent keys this panel by sample and saved note, so the draft restarts from the saved one.
  const [note, setNote] = useState(row.review.note);
  // Escape leaves the field without saving: the blur it causes must not save the draft.
  const cancelled = useRef(false);
  const reason = currentReason(row);
  const noteBytes = new TextEncoder().encode(note).length;
  const saveNote = (): void => {
    if (cancelled.current) {
      cancelled.current = false;
      return;
    }
    if (note !== row.review.note) void onEdit({ note }, 'Note');
  };

  return (
    <div className="review-panel" data-testid="review-panel">
      <div className="review-status" role="group" aria-label="Triage status">
        {statuses.map(({ status, key }) => (
          <button
            type="button"
            key={status}
            className={`status-button status-${status}${row.review.status === status ? ' active' : ''}`}
            aria-pressed={row.review.status === status}
            onClick={() => void onEdit({ status }, `Status ${status}`)}
          >
            {status} <kbd>{key}</kbd>
          </button>
        ))}
      </div>
      <div className="review-reason">
        <span className="muted">Original flag:</span> <strong>{row.originalReason ?? '—'}</strong>
        <span className="muted"> · Review flag:</span>{' '}
        <strong data-testid="current-reason">
          {row.review.reason === undefined ? '(original)' : (reason ?? '(cleared)')}
        </strong>
      </div>
      <div className="reason-options" role="group" aria-label="Flag reason">
        {options.slice(0, 9).map((option, i) => (
          <button
            type="button"
            key={option}
            className={reason === option ? 'active' : ''}
            onClick={() => void onEdit({ reason: option }, `Reason "${option}"`)}
          >
            <kbd>{i + 1}</kbd> {option}
          </button>
        ))}
        <button type="button" onClick={() => void onEdit({ reason: null }, 'Reason cleared')}>
          <kbd>0</kbd> clear
        </button>
        {row.review.reason !== undefined && (
          <button
            type="button"
            onClick={() => void onEdit({ resetReason: true }, 'Original reason restored')}
          >
            restore original
          </button>
        )}
      </div>
      <textarea
        ref={noteRef}
        className="note"
        aria-label="Note"
        placeholder="Note (e to edit, Ctrl/⌘+Enter saves, Esc cancels)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={saveNote}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            saveNote();
            e.currentTarget.blur();
          }
          if (e.key === 'Escape') {
            e.stopPropagation();
            cancelled.current = true;
            setNote(row.review.note);
            e.currentTarget.blur();
          }
        }}
        rows={2}
        aria-invalid={noteBytes > MAX_NOTE_BYTES}
      />
      {noteBytes > MAX_NOTE_BYTES && (
        <p className="error" role="alert" data-testid="note-too-long">
          This note is {Math.ceil(noteBytes / 1024)} KB; a note holds at most 64 KB, so it will not be saved.
        </p>
      )}
    </div>
  );
}

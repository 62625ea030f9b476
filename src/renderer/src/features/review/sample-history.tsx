// The current sample's history from the journal: who changed what and when, newest first, each
// entry with an undo that writes a new entry restoring the value it replaced (Gradio's log is never
// touched). Read only while the section is open; it stays open from sample to sample.
import { useEffect, useState } from 'react';
import type { HistoryEntry, ReviewPatch } from '../../../../shared/api';
import type { SampleRow } from '../../../../shared/model';
import { useApi } from '../../common/api-context';
import { errorMessage } from '../../common/errors';
import { changeText, localTime, undoPatch } from './history-text';

const OPEN_KEY = 'flagdeck.historyOpen';

function storedOpen(): boolean {
  try {
    return globalThis.localStorage?.getItem(OPEN_KEY) === 'open';
  } catch {
    return false;
  }
}

interface Props {
  row: SampleRow;
  onUndo: (patch: ReviewPatch, what: string) => Promise<boolean>;
}

function useHistory(row: SampleRow, open: boolean) {
  const { client } = useApi();
  const [state, setState] = useState<{ entries: HistoryEntry[]; error: string | null } | null>(null);
  // The review's last change time and values: a new entry (ours or another writer's) changes them.
  const version = JSON.stringify(row.review);
  useEffect(() => {
    if (!open) return;
    let live = true;
    client
      .call('review.history', { folderId: row.folderId, id: row.id })
      .then(({ entries }) => live && setState({ entries, error: null }))
      .catch((e: unknown) => live && setState({ entries: [], error: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [client, row.folderId, row.id, version, open]);
  return state;
}

export function SampleHistory({ row, onUndo }: Props): React.JSX.Element {
  const [open, setOpen] = useState(storedOpen);
  const history = useHistory(row, open);
  const entries = history ? [...history.entries].reverse() : [];
  return (
    <details
      className="sample-history"
      data-testid="sample-history"
      open={open}
      onToggle={(e) => {
        const next = e.currentTarget.open;
        setOpen(next);
        try {
          globalThis.localStorage?.setItem(OPEN_KEY, next ? 'open' : 'closed');
        } catch {
          // No storage: the section stays as it is for this session.
        }
      }}
    >
      <summary>History{history ? ` (${history.entries.length})` : ''}</summary>
      {history?.error && (
        <p className="error" role="alert">
          Could not read the history: {history.error}
        </p>
      )}
      {history && history.entries.length === 0 && !history.error && (
        <p className="muted">No changes yet: the review is as Gradio flagged it.</p>
      )}
      <ol aria-label="Changes to this sample">
        {entries.map((entry, i) => {
          const patch = entry.rowHash === row.rowHash ? undoPatch(entry) : null;
          const text = changeText(entry);
          return (
            <li key={`${entry.edit}-${i}`} data-history-entry={entry.edit}>
              <span className="history-when">{localTime(entry.at)}</span>{' '}
              <span className="history-who">{entry.by || '(unknown)'}</span>{' '}
              <span className="history-what">{text}</span>
              {entry.reverts && <span className="muted"> (undo)</span>}
              {entry.rowHash !== row.rowHash && (
                <span className="muted"> (an earlier version of the row)</span>
              )}
              {patch && (
                <button
                  type="button"
                  className="link"
                  aria-label={`Undo: ${text} (${localTime(entry.at)})`}
                  title="Restore the value this change replaced (a new journal entry)"
                  onClick={() => void onUndo(patch, `Undid ${text}`)}
                >
                  undo
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

// The open folders, each closable, with their log and row counts and a badge of their issues that
// lists them (a button: a tooltip alone is out of a keyboard's reach). The strip scrolls when they
// do not fit; a newly opened folder's chip is scrolled into view.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FolderInfo } from '../../../../shared/model';
import { folderLabels } from '../../common/folder-labels';
import { folderIssues } from './folder-issues';
import { FolderIssuesDialog } from './folder-issues-dialog';
import type { FolderProgress } from './use-folder-progress';

function useNewChipInView(folders: FolderInfo[]) {
  const list = useRef<HTMLUListElement>(null);
  const known = useRef(new Set<string>());
  useEffect(() => {
    const fresh = folders.filter((f) => !known.current.has(f.id));
    const first = known.current.size === 0;
    known.current = new Set(folders.map((f) => f.id));
    const last = fresh.at(-1);
    if (first || !last) return;
    list.current
      ?.querySelector(`[data-folder-chip="${last.id}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [folders]);
  return list;
}

export function FolderChips({
  folders,
  progress,
  onClose,
}: {
  folders: FolderInfo[];
  progress: ReadonlyMap<string, FolderProgress>;
  onClose: (id: string) => void;
}): React.JSX.Element {
  const labels = useMemo(() => folderLabels(folders), [folders]);
  // Once per change of the folders, not at each reviewed count: a folder may hold 20,000 logs.
  const summaries = useMemo(
    () =>
      new Map(
        folders.map((f) => [f.id, { rows: f.logs.reduce((n, l) => n + l.rows, 0), issues: folderIssues(f) }]),
      ),
    [folders],
  );
  const list = useNewChipInView(folders);
  const [issuesShown, setIssuesShown] = useState<string | null>(null);
  const shown = folders.find((f) => f.id === issuesShown);
  return (
    <>
      <ul className="folder-chips" aria-label="Open folders" ref={list}>
        {folders.map((f) => {
          const { rows, issues } = summaries.get(f.id) ?? { rows: 0, issues: [] };
          return (
            <li key={f.id} className="chip" title={f.path} data-folder-chip={f.id}>
              <span className="chip-name">{labels.get(f.id) ?? f.name}</span>
              <span className="muted">
                {f.logs.length} log{f.logs.length === 1 ? '' : 's'} · {rows.toLocaleString('en-US')} rows
              </span>
              {progress.has(f.id) && (
                <span className="chip-progress" data-testid="chip-progress">
                  reviewed {progress.get(f.id)?.reviewed.toLocaleString('en-US')}/
                  {progress.get(f.id)?.total.toLocaleString('en-US')}
                </span>
              )}
              {f.readOnly && <span className="badge">read-only</span>}
              {issues.length > 0 && (
                <button
                  type="button"
                  className="badge badge-warning"
                  title={issues.join('\n')}
                  aria-haspopup="dialog"
                  data-testid="folder-issues"
                  onClick={() => setIssuesShown(f.id)}
                >
                  {issues.length} issue{issues.length === 1 ? '' : 's'}
                </button>
              )}
              <button
                type="button"
                className="icon"
                aria-label={`Close ${f.name}`}
                onClick={() => onClose(f.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {shown && (
        <FolderIssuesDialog
          name={labels.get(shown.id) ?? shown.name}
          issues={summaries.get(shown.id)?.issues ?? []}
          onClose={() => setIssuesShown(null)}
        />
      )}
    </>
  );
}

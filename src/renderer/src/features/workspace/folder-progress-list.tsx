// The footer's progress per open folder: reviewed N of M, then its counts per status and per reason.
// Shown when several folders are open (with one, the footer's own counts are that folder's).
import type { FolderInfo } from '../../../../shared/model';
import { folderLabels } from '../../common/folder-labels';
import type { FolderProgress } from './use-folder-progress';

const statuses = ['keep', 'drop', 'unsure', 'unreviewed'];

interface Props {
  folders: FolderInfo[];
  progress: ReadonlyMap<string, FolderProgress>;
}

export function FolderProgressList({ folders, progress }: Props): React.JSX.Element | null {
  if (folders.length < 2) return null;
  const labels = folderLabels(folders);
  return (
    <details className="folder-progress" data-testid="folder-progress">
      <summary>Progress by folder</summary>
      <ul aria-label="Progress by folder">
        {folders.map((folder) => {
          const entry = progress.get(folder.id);
          const label = labels.get(folder.id) ?? folder.name;
          if (!entry) return null;
          const { facets } = entry;
          return (
            <li key={folder.id} data-folder-progress={folder.id} title={folder.path}>
              <strong>{label}</strong>{' '}
              <span>
                reviewed {entry.reviewed.toLocaleString('en-US')} of {entry.total.toLocaleString('en-US')}
              </span>
              {statuses.map((s) => (
                <span key={s} className={`facet status-${s}`}>
                  {s} {(facets.byStatus[s] ?? 0).toLocaleString('en-US')}
                </span>
              ))}
              {facets.byReason.map((r) => (
                <span key={r.reason ?? '\u0000'} className="facet">
                  {r.reason ?? '(no reason)'} {r.count.toLocaleString('en-US')}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

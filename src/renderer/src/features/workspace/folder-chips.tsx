// The open folders, each closable, with their log and row counts.
import type { FolderInfo } from '../../../../shared/model';
import { folderLabels } from '../../common/folder-labels';

export function FolderChips({
  folders,
  onClose,
}: {
  folders: FolderInfo[];
  onClose: (id: string) => void;
}): React.JSX.Element {
  const labels = folderLabels(folders);
  return (
    <ul className="folder-chips" aria-label="Open folders">
      {folders.map((f) => {
        const rows = f.logs.reduce((n, l) => n + l.rows, 0);
        const problems = f.logs.reduce((n, l) => n + l.errors.length + l.warnings.length, 0);
        return (
          <li key={f.id} className="chip" title={f.path}>
            <span className="chip-name">{labels.get(f.id) ?? f.name}</span>
            <span className="muted">
              {f.logs.length} log{f.logs.length === 1 ? '' : 's'} · {rows.toLocaleString('en-US')} rows
            </span>
            {f.readOnly && <span className="badge">read-only</span>}
            {problems > 0 && (
              <span
                className="badge badge-warning"
                title={f.logs
                  .flatMap((l) => [
                    ...l.errors.map(
                      (e) => `${l.file}:${e.line}${e.column ? `:${e.column}` : ''} ${e.message}`,
                    ),
                    ...l.warnings,
                  ])
                  .join('\n')}
              >
                {problems} issue{problems === 1 ? '' : 's'}
              </span>
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
  );
}

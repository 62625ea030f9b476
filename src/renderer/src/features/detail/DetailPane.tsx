// The selected sample: who/when, the review editor, then every field with its preview. Image
// fields sit side by side (input next to output).
import type { FolderInfo, SampleRow } from '../../../../shared/model';
import { EmptyState } from '../../components/EmptyState';
import { logKey } from '../table/columns';
import { CellPreview } from './CellPreview';

interface Props {
  row: SampleRow | undefined;
  folders: FolderInfo[];
  review: React.ReactNode;
}

const metaKinds = new Set(['flag', 'username', 'timestamp']);

export function DetailPane({ row, folders, review }: Props): React.JSX.Element {
  if (!row) {
    return (
      <aside className="detail-pane" data-testid="detail-pane">
        <EmptyState title="No sample selected">
          Pick a row, or press j / k to move and Enter to open.
        </EmptyState>
      </aside>
    );
  }
  const log = folders
    .find((f) => f.id === row.folderId)
    ?.logs.find((l) => logKey(row.folderId, l.file) === logKey(row.folderId, row.log));
  const columns = (log?.columns ?? []).filter((c) => !metaKinds.has(c.kind) && row.cells[c.index]);
  const images = columns.filter((c) => c.kind === 'image');
  const others = columns.filter((c) => c.kind !== 'image');
  const field = (c: (typeof columns)[number]): React.JSX.Element => (
    <section className="field" key={c.index} data-column={c.name}>
      <h4>
        {c.name} <span className="kind">{c.kind}</span>
      </h4>
      <CellPreview folderId={row.folderId} cell={row.cells[c.index]} kind={c.kind} />
    </section>
  );
  return (
    <aside className="detail-pane" data-testid="detail-pane" data-sample={row.id}>
      <header className="detail-header">
        <h3>
          {row.log} <span className="muted">#{row.ordinal}</span>
        </h3>
        <div className="muted">
          line {row.line}
          {row.timestamp && ` · ${row.timestamp}`}
          {row.username && ` · ${row.username}`}
        </div>
      </header>
      {review}
      {images.length > 0 && <div className="image-row">{images.map(field)}</div>}
      {others.map(field)}
    </aside>
  );
}

// The selected sample: who/when, the review editor, then every field with its preview. Image
// fields sit side by side (input next to output).
import type { Column, ColumnKind, FolderInfo, SampleRow } from '../../../../shared/model';
import { EmptyState } from '../../components/empty-state';
import { ReplayComparison } from '../../common/replay-comparison';
import { CellPreview } from './cell-preview';

interface Props {
  row: SampleRow | undefined;
  folders: FolderInfo[];
  review: React.ReactNode;
}

const metaKinds = new Set<ColumnKind>(['flag', 'username', 'timestamp']);

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
  const folder = folders.find((f) => f.id === row.folderId);
  const log = folder?.logs.find((l) => l.file === row.log);
  const logColumns: Column[] = log?.columns ?? [];
  // Cells past the header (a row wider than it) still show, as text; meta columns (flag, user,
  // time) are in the header row already, unless a ragged row put a file there.
  const inHeader = new Set(logColumns.map((c) => c.index));
  const wide = row.cells
    .map((_, index) => index)
    .filter((index) => !inHeader.has(index))
    .map((index): Column => ({ index, name: `column ${index + 1}`, kind: 'text' }));
  const columns = [...logColumns, ...wide].filter((c) => {
    const cell = row.cells[c.index];
    return cell !== undefined && (!metaKinds.has(c.kind) || cell.assets.length > 0);
  });
  // A ChatCSVLogger row: its `index` says which message the feedback (the flag) was given to.
  const feedback =
    log?.layout === 'chat' ? { index: row.cells[1]?.text ?? '', value: row.originalReason } : undefined;
  const images = columns.filter((c) => c.kind === 'image');
  const others = columns.filter((c) => c.kind !== 'image');
  const field = (c: (typeof columns)[number]): React.JSX.Element => (
    <section className="field" key={c.index} data-column={c.name}>
      <h4>
        {c.name} <span className="kind">{c.kind}</span>
      </h4>
      <CellPreview
        folderId={row.folderId}
        cell={row.cells[c.index]}
        kind={c.kind}
        feedback={c.kind === 'chat' ? feedback : undefined}
      />
    </section>
  );
  return (
    <aside
      className="detail-pane"
      data-testid="detail-pane"
      data-sample={row.id}
      key={`${row.folderId}/${row.id}`}
    >
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
      {row.replay && folder && (
        // The run's answer beside what was flagged; keyed on the outcome so a resumed run reloads it.
        <ReplayComparison
          key={`${row.replay.run}\u0000${row.replay.outcome}`}
          folder={folder}
          run={row.replay.run}
          id={row.id}
          row={row}
          heading={`Replay ${row.replay.run}`}
        />
      )}
      {images.length > 0 && <div className="image-row">{images.map(field)}</div>}
      {others.map(field)}
    </aside>
  );
}

// What the export will take: samples per status and per label, the size of their files, and how
// many files are missing (those samples are skipped). The files are counted from every selected
// row, after the rest: until then the line says so.
import type { ExportFiles, ExportSummary } from '../../../../shared/export';
import { formatBytes } from '../../common/format-bytes';

const STATUSES = ['keep', 'drop', 'unsure', 'unreviewed'] as const;

interface SummaryProps {
  summary: ExportSummary;
  /** null while they are counted. */
  files: ExportFiles | null;
  filesError: string | null;
}

function FilesLine({ files, filesError }: Omit<SummaryProps, 'summary'>): React.JSX.Element {
  if (filesError) return <span className="warning">files not counted: {filesError}</span>;
  if (!files) return <span className="muted">counting files…</span>;
  return (
    <>
      {files.assetFiles.toLocaleString('en')} files, {formatBytes(files.assetBytes)}
      {files.assetsMissing > 0 && (
        <span className="warning">
          {' '}
          · {files.assetsMissing.toLocaleString('en')} files missing (their samples are skipped)
        </span>
      )}
    </>
  );
}

export function SelectionSummary({ summary, files, filesError }: SummaryProps): React.JSX.Element {
  return (
    <section className="export-summary" aria-label="Selection summary" data-testid="export-summary">
      <p>
        <strong>{summary.samples.toLocaleString('en')}</strong> samples selected
        {' · '}
        <FilesLine files={files} filesError={filesError} />
      </p>
      <div className="export-counts">
        <table aria-label="Samples per status">
          <tbody>
            {STATUSES.map((status) => (
              <tr key={status}>
                <th scope="row">{status}</th>
                <td>{(summary.byStatus[status] ?? 0).toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table aria-label="Samples per label">
          <tbody>
            {summary.byReason.slice(0, 8).map(({ reason, count }) => (
              <tr key={reason ?? '\u0000'}>
                <th scope="row">{reason ?? '(no label)'}</th>
                <td>{count.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.samples === 0 && (
        <p className="warning" role="alert">
          Nothing selected. In the whole filter:{' '}
          {STATUSES.map((s) => `${summary.workspaceByStatus[s] ?? 0} ${s}`).join(', ')}.
        </p>
      )}
    </section>
  );
}

// What the export will take: samples per status and per label, the size of their files, and how
// many files are missing (those samples are skipped).
import type { ExportSummary } from '../../../../shared/export';
import { formatBytes } from '../../common/format-bytes';

const STATUSES = ['keep', 'drop', 'unsure', 'unreviewed'] as const;

export function SelectionSummary({ summary }: { summary: ExportSummary }): React.JSX.Element {
  return (
    <section className="export-summary" aria-label="Selection summary" data-testid="export-summary">
      <p>
        <strong>{summary.samples.toLocaleString('en')}</strong> samples selected
        {' · '}
        {summary.assetFiles.toLocaleString('en')} files, {formatBytes(summary.assetBytes)}
        {summary.assetsMissing > 0 && (
          <span className="warning">
            {' '}
            · {summary.assetsMissing} files missing (their samples are skipped)
          </span>
        )}
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

// The export's progress bar while it runs, then its outcome: the result's path (with a copy
// button), the samples skipped and why, or the error in words.
import { formatBytes } from '../../common/format-bytes';
import type { ExportJob } from './use-export-job';

const SKIPPED_SHOWN = 10;

export function ExportProgressView({ job }: { job: ExportJob }): React.JSX.Element | null {
  if (job.state === 'idle') return null;
  if (job.state === 'running') {
    const progress = job.progress;
    const total = progress?.total ?? 0;
    return (
      <div className="export-progress" data-testid="export-progress">
        <progress
          aria-label="Export progress"
          max={total || 1}
          value={total ? (progress?.done ?? 0) : undefined}
        />
        <span>
          {total
            ? `${progress?.done.toLocaleString('en')} / ${total.toLocaleString('en')} samples · ${formatBytes(progress?.bytes ?? 0)}`
            : 'Starting…'}
        </span>
      </div>
    );
  }
  if (job.state === 'cancelled') {
    return (
      <p className="muted" role="status">
        Export cancelled: nothing was written.
      </p>
    );
  }
  if (job.state === 'failed') {
    return (
      <p className="error" role="alert">
        {job.message}
      </p>
    );
  }
  const { result } = job;
  return (
    <div className="export-result" role="status" data-testid="export-result">
      <p>
        Exported <strong>{result.rows.toLocaleString('en')}</strong> samples (
        {result.files.toLocaleString('en')} files, {formatBytes(result.bytes)}) to
      </p>
      <p className="export-path">
        <a href={fileUrl(result.out)} title="The exported folder" data-testid="export-path">
          {result.out}
        </a>
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(result.out)}
          aria-label="Copy the result's path"
        >
          Copy path
        </button>
      </p>
      {result.skipped.length > 0 && (
        <details>
          <summary>{result.skipped.length} samples skipped</summary>
          <ul>
            {result.skipped.slice(0, SKIPPED_SHOWN).map((s) => (
              <li key={s.id}>
                <code>{s.id}</code>: {s.reason}
              </li>
            ))}
            {result.skipped.length > SKIPPED_SHOWN && (
              <li>… and {result.skipped.length - SKIPPED_SHOWN} more</li>
            )}
          </ul>
        </details>
      )}
    </div>
  );
}

/** A file: URL for a local path (POSIX or Windows). */
function fileUrl(path: string): string {
  const slashed = path.replaceAll('\\', '/');
  return `file://${slashed.startsWith('/') ? '' : '/'}${encodeURI(slashed)}`;
}

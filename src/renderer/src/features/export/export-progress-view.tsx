// The export's progress bar while it runs, then its outcome: the result's path (with a copy
// button), the samples skipped and why, or the error in words.
import { formatBytes } from '../../common/format-bytes';
import { HubResult } from './hub-result';
import { progressBar, progressText } from './progress-text';
import type { ExportJob } from './use-export-job';
import type { SkippedSample } from '../../../../shared/export';

const SKIPPED_SHOWN = 10;

export function ExportProgressView({ job }: { job: ExportJob }): React.JSX.Element | null {
  if (job.state === 'idle') return null;
  if (job.state === 'running') {
    const bar = progressBar(job.progress);
    return (
      <div className="export-progress" data-testid="export-progress">
        <progress aria-label="Export progress" max={bar.max} value={bar.value} />
        <span>{progressText(job.progress)}</span>
      </div>
    );
  }
  if (job.state === 'cancelled') {
    return (
      <p className="muted" role="status">
        {job.push
          ? 'Push cancelled: nothing was advertised on the Hub (files already sent are reused next time).'
          : 'Export cancelled: nothing was written.'}
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
  if (result.url) {
    return (
      <div className="export-result" role="status" data-testid="export-result">
        <HubResult result={result} url={result.url} />
        <SkippedList skipped={result.skipped} />
      </div>
    );
  }
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
      <SkippedList skipped={result.skipped} />
    </div>
  );
}

function SkippedList({ skipped }: { skipped: SkippedSample[] }): React.JSX.Element | null {
  if (skipped.length === 0) return null;
  return (
    <details>
      <summary>{skipped.length} samples skipped</summary>
      <ul>
        {skipped.slice(0, SKIPPED_SHOWN).map((s) => (
          <li key={s.id}>
            <code>{s.id}</code>: {s.reason}
          </li>
        ))}
        {skipped.length > SKIPPED_SHOWN && <li>… and {skipped.length - SKIPPED_SHOWN} more</li>}
      </ul>
    </details>
  );
}

/** A file: URL for a local path (POSIX or Windows). */
function fileUrl(path: string): string {
  const slashed = path.replaceAll('\\', '/');
  return `file://${slashed.startsWith('/') ? '' : '/'}${encodeURI(slashed)}`;
}

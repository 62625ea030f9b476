// A thin bar while logs are still being indexed.
import type { IndexProgress } from './use-index-progress';

export function IndexProgressBar({ progress }: { progress: IndexProgress | null }): React.JSX.Element | null {
  if (!progress) return null;
  const ratio = progress.bytesTotal > 0 ? progress.bytesIndexed / progress.bytesTotal : 0;
  return (
    <div
      className="index-progress"
      role="progressbar"
      aria-label="Indexing"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(ratio * 100)}
      title={`Indexing: ${progress.rows.toLocaleString('en-US')} rows, ${Math.round(ratio * 100)}%`}
    >
      <span style={{ width: `${ratio * 100}%` }} />
    </div>
  );
}

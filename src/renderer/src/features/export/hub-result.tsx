// The end of a push: how much went up, a link to the dataset on the Hub, the head commit.
import { formatBytes } from '../../common/format-bytes';
import type { ExportResult } from '../../../../shared/export';

export function HubResult({ result, url }: { result: ExportResult; url: string }): React.JSX.Element {
  return (
    <>
      <p>
        Pushed <strong>{result.rows.toLocaleString('en')}</strong> samples (
        {result.files.toLocaleString('en')} files, {formatBytes(result.bytes)}) to
      </p>
      <p className="export-path">
        <a href={url} target="_blank" rel="noreferrer" data-testid="hub-link">
          {result.out}
        </a>
        {result.commit && <span className="muted">commit {result.commit.slice(0, 8)}</span>}
      </p>
    </>
  );
}

// A file: name, size, a download link, and "show in folder" where the host can.
import type { AssetRef } from '../../../../../shared/model';
import { useApi } from '../../../common/api-context';
import { baseName } from '../../../components/asset-badge';
import { formatBytes } from '../../../common/format-bytes';

export function FilePreview({ folderId, asset }: { folderId: string; asset: AssetRef }): React.JSX.Element {
  const { client, mediaUrl, capabilities } = useApi();
  const path = asset.path ?? '';
  return (
    <div className="file-preview" data-testid="preview-file">
      <span className="file-icon">📄</span>
      <a href={mediaUrl(folderId, path)} target="_blank" rel="noreferrer">
        {baseName(path)}
      </a>
      {asset.size !== undefined && <span className="muted">{formatBytes(asset.size)}</span>}
      {capabilities.reveal && (
        <button type="button" onClick={() => void client.call('file.reveal', { folderId, path })}>
          Show in folder
        </button>
      )}
    </div>
  );
}

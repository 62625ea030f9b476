// One referenced file, previewed by its media kind, or a badge when it cannot be shown.
import type { AssetRef } from '../../../../../shared/model';
import { useApi } from '../../../common/api-context';
import { AssetBadge, baseName } from '../../../components/asset-badge';
import { AudioPreview } from './audio-preview';
import { FilePreview } from './file-preview';
import { ImagePreview } from './image-preview';
import { VideoPreview } from './video-preview';

export function AssetView({ folderId, asset }: { folderId: string; asset: AssetRef }): React.JSX.Element {
  const { mediaUrl } = useApi();
  if (asset.status !== 'resolved' || !asset.path) return <AssetBadge asset={asset} />;
  const src = mediaUrl(folderId, asset.path);
  const name = baseName(asset.path);
  switch (asset.media) {
    case 'image':
      return <ImagePreview src={src} alt={name} />;
    case 'audio':
      return <AudioPreview src={src} name={name} />;
    case 'video':
      return <VideoPreview src={src} name={name} />;
    default:
      return <FilePreview folderId={folderId} asset={asset} />;
  }
}

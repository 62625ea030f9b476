// A gallery: a strip of thumbnails; the chosen one is shown large (zoomable).
import { useState } from 'react';
import type { AssetRef } from '../../../../../shared/model';
import { useApi } from '../../../common/api-context';
import { AssetBadge, baseName } from '../../../components/asset-badge';
import { AssetView } from './asset-view';

interface Props {
  folderId: string;
  assets: AssetRef[];
  captions: Map<string, string>;
}

export function GalleryPreview({ folderId, assets, captions }: Props): React.JSX.Element {
  const { mediaUrl } = useApi();
  const [chosen, setChosen] = useState(0);
  const current = assets[Math.min(chosen, assets.length - 1)];
  return (
    <div className="gallery-preview">
      <div className="gallery-strip">
        {assets.map((a, i) =>
          a.status === 'resolved' && a.path && a.media === 'image' ? (
            <button
              type="button"
              key={i}
              className={i === chosen ? 'chosen' : ''}
              onClick={() => setChosen(i)}
              title={captions.get(a.ref) ?? baseName(a.ref)}
            >
              <img src={mediaUrl(folderId, a.path, { thumb: 96 })} alt={baseName(a.ref)} />
            </button>
          ) : (
            <AssetBadge key={i} asset={a} />
          ),
        )}
      </div>
      {current?.status === 'resolved' && <AssetView folderId={folderId} asset={current} />}
      {current && captions.get(current.ref) && <p className="caption">{captions.get(current.ref)}</p>}
    </div>
  );
}

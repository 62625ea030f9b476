// One sample as a thumbnail tile.
import { memo, type MouseEvent } from 'react';
import type { SampleRow } from '../../../../shared/model';
import { useApi } from '../../common/api-context';
import { AssetBadge, baseName } from '../../components/asset-badge';
import { StatusPill } from '../../components/status-pill';
import { currentReason } from '../../common/rows';
import { firstImage, firstVideo } from './first-image';
import { VideoFrame } from './video-frame';

interface Props {
  row: SampleRow | undefined;
  offset: number;
  size: number;
  current: boolean;
  selected: boolean;
  onClick: (offset: number, event: MouseEvent) => void;
  onOpen: (offset: number) => void;
}

export const GridTile = memo(function GridTile(props: Props): React.JSX.Element {
  const { row, offset, size, current, selected } = props;
  const { mediaUrl } = useApi();
  if (!row) return <div className="tile placeholder" style={{ width: size, height: size }} />;
  const image = firstImage(row);
  const video = image ? undefined : firstVideo(row);
  return (
    <div
      className={`tile${current ? ' current' : ''}${selected ? ' selected' : ''}`}
      style={{ width: size, height: size }}
      onClick={(e) => props.onClick(offset, e)}
      onDoubleClick={() => props.onOpen(offset)}
      data-sample={row.id}
    >
      {image?.status === 'resolved' && image.path ? (
        <img
          src={mediaUrl(row.folderId, image.path, { thumb: 256 })}
          alt={row.id}
          loading="lazy"
          draggable={false}
        />
      ) : image ? (
        <AssetBadge asset={image} />
      ) : video?.status === 'resolved' && video.path ? (
        <VideoFrame src={mediaUrl(row.folderId, video.path)} name={baseName(video.ref)} />
      ) : video ? (
        <AssetBadge asset={video} />
      ) : (
        <span className="muted">no image</span>
      )}
      <div className="tile-caption">
        <span>#{row.ordinal}</span>
        <StatusPill status={row.review.status} />
        <span className="tile-reason">{currentReason(row) ?? ''}</span>
      </div>
    </div>
  );
});

// A video player; Space plays, ←/→ seek.
import { useEffect, useRef } from 'react';
import { elementControl, registerMedia } from './media-control';

export function VideoPreview({ src, name }: { src: string; name: string }): React.JSX.Element {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (!video.current) return;
    return registerMedia(elementControl(video.current), video.current);
  }, [src]);
  return (
    <video
      ref={video}
      className="video-preview"
      src={src}
      controls
      preload="metadata"
      data-testid="preview-video"
      aria-label={name}
    />
  );
}

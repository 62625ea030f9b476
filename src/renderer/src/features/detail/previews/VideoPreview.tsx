// A video player; Space plays, ←/→ seek.
import { useEffect, useRef } from 'react';
import { elementControl, setActiveMedia } from './media-control';

export function VideoPreview({ src, name }: { src: string; name: string }): React.JSX.Element {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (!video.current) return;
    setActiveMedia(elementControl(video.current));
    return () => setActiveMedia(null);
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

// A frame of a video for a grid tile. The server's thumbnails come from sharp, which cannot decode
// video (and ffmpeg may be missing on the user's machine), so the browser decodes it: a muted
// `<video>` that loads only its metadata and first frame (`#t=0.1` seeks there). Where the browser
// cannot decode the format, the tile says so instead of staying blank.
import { useState } from 'react';

export function VideoFrame({ src, name }: { src: string; name: string }): React.JSX.Element {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <span className="muted video-no-frame" data-testid="video-no-frame" title={name}>
        ▶ video (no preview in this browser): {name}
      </span>
    );
  }
  return (
    <video
      className="video-frame"
      data-testid="video-frame"
      src={`${src}#t=0.1`}
      preload="metadata"
      muted
      playsInline
      disablePictureInPicture
      aria-label={`video ${name}`}
      onError={() => setFailed(true)}
    />
  );
}

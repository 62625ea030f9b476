// An audio player with its waveform (wavesurfer.js drawing over a real <audio> element, so the
// browser does the decoding and seeking); Space plays, ←/→ seek.
import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { elementControl, registerMedia } from './media-control';

export function AudioPreview({ src, name }: { src: string; name: string }): React.JSX.Element {
  const audio = useRef<HTMLAudioElement>(null);
  const wave = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = audio.current;
    if (!element || !wave.current || !area.current) return;
    const unregister = registerMedia(elementControl(element), area.current);
    const styles = getComputedStyle(document.documentElement);
    const surfer = WaveSurfer.create({
      container: wave.current,
      media: element,
      height: 64,
      waveColor: styles.getPropertyValue('--wave').trim() || '#8aa',
      progressColor: styles.getPropertyValue('--accent').trim() || '#36c',
      cursorWidth: 1,
    });
    return () => {
      surfer.destroy();
      unregister();
    };
  }, [src]);

  return (
    <div className="audio-preview" ref={area}>
      <div ref={wave} className="waveform" />
      <audio
        ref={audio}
        src={src}
        controls
        preload="metadata"
        data-testid="preview-audio"
        aria-label={name}
      />
    </div>
  );
}

// The audio/video the keyboard drives (Space, ←/→): the first one shown in the detail pane, in
// page order (a sample with an audio and a video output plays the audio first).
export interface MediaControl {
  toggle(): void;
  seek(seconds: number): void;
}

const shown: MediaControl[] = [];

/** Registers a player while it is on screen; returns its unregister function. */
export function registerMedia(control: MediaControl): () => void {
  shown.push(control);
  return () => {
    const at = shown.indexOf(control);
    if (at >= 0) shown.splice(at, 1);
  };
}

export function activeMedia(): MediaControl | null {
  return shown[0] ?? null;
}

/** A control for a plain `<audio>`/`<video>` element. */
export function elementControl(element: HTMLMediaElement): MediaControl {
  return {
    toggle: () => void (element.paused ? element.play().catch(() => undefined) : element.pause()),
    seek: (seconds) => {
      element.currentTime = Math.max(0, Math.min(element.duration || 0, element.currentTime + seconds));
    },
  };
}

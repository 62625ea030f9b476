// The audio/video element the keyboard drives (Space, ←/→): the last one shown in the detail pane.
export interface MediaControl {
  toggle(): void;
  seek(seconds: number): void;
}

let active: MediaControl | null = null;

export function setActiveMedia(control: MediaControl | null): void {
  active = control;
}

export function activeMedia(): MediaControl | null {
  return active;
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

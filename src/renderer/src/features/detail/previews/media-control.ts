// The audio/video the keyboard drives (Space, ←/→): the player that has focus (or was last clicked),
// else the first one shown in the detail pane, in page order (a sample with an audio and a video
// output plays the audio first). With two players in a row, the keys act on the one in use.
export interface MediaControl {
  toggle(): void;
  seek(seconds: number): void;
}

interface Shown {
  control: MediaControl;
  /** The player's element on screen (the waveform and the <audio>, or the <video>). */
  area: HTMLElement;
}

const shown: Shown[] = [];
let lastUsed: MediaControl | null = null;

/** Registers a player while it is on screen; returns its unregister function. */
export function registerMedia(control: MediaControl, area: HTMLElement): () => void {
  const entry = { control, area };
  const use = (): void => {
    lastUsed = control;
  };
  area.addEventListener('focusin', use);
  area.addEventListener('pointerdown', use);
  shown.push(entry);
  return () => {
    area.removeEventListener('focusin', use);
    area.removeEventListener('pointerdown', use);
    const at = shown.indexOf(entry);
    if (at >= 0) shown.splice(at, 1);
    if (lastUsed === control) lastUsed = null;
  };
}

export function activeMedia(): MediaControl | null {
  const focused = globalThis.document?.activeElement;
  const withFocus = shown.find((s) => focused && s.area.contains(focused));
  if (withFocus) return withFocus.control;
  return shown.find((s) => s.control === lastUsed)?.control ?? shown[0]?.control ?? null;
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

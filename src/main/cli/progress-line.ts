// The progress line every long CLI command shows on a terminal (inspect, export, replay, push).

/** The interval between two rewrites of the line, and the quiet time before the first one. */
const INTERVAL_MS = 100;

export interface ProgressLine {
  /**
   * Rewrites the line with `text()` where 100 ms have passed since it was last written (or since
   * the line was made), or at once when `phase` differs from the last phase shown. Nothing is
   * written where the stream is not a terminal.
   */
  show(text: () => string, phase?: string): void;
  /** Clears the line, if one was written: the command's own output follows. */
  done(): void;
}

/**
 * A line on stderr rewritten in place. The stream is asked for lazily: a command done within its
 * first 100 ms never makes process.stderr (on a pipe that loads node:net, as node:tty's isatty
 * does: 2 ms of a 10-row folder's `inspect`).
 */
export function progressLine(stream = (): NodeJS.WriteStream => process.stderr): ProgressLine {
  let last = Date.now();
  let lastPhase: string | undefined;
  let terminal: boolean | undefined;
  let shown = false;
  return {
    show(text, phase) {
      const now = Date.now();
      const newPhase = phase !== undefined && phase !== lastPhase;
      if (!newPhase && now - last < INTERVAL_MS) return;
      last = now;
      lastPhase = phase;
      terminal ??= stream().isTTY === true;
      if (!terminal) return;
      stream().write(`\r\x1b[K${text()}`);
      shown = true;
    },
    done() {
      if (shown) stream().write('\r\x1b[K');
      shown = false;
    },
  };
}

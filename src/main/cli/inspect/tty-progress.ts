// The indexing progress of `flagdeck inspect` on a terminal.
import type { OnProgress } from '../../log-index/index-folder';
import { groupedDigits } from '../grouped-digits';

/**
 * A progress line on stderr where it is a terminal: rewritten in place, cleared at the end. None
 * in the first 100 ms, so a short command never makes process.stderr (on a pipe that loads node:net,
 * as node:tty's isatty does: 2 ms of a 10-row folder's `inspect`).
 */
export function ttyProgress(stream = (): NodeJS.WriteStream => process.stderr): {
  onProgress: OnProgress;
  done(): void;
} {
  let shown = false;
  let last = Date.now();
  let terminal: boolean | undefined;
  return {
    onProgress(file, bytesIndexed, bytesTotal, rows) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      terminal ??= stream().isTTY === true;
      if (!terminal) return;
      const percent = bytesTotal > 0 ? Math.floor((100 * bytesIndexed) / bytesTotal) : 100;
      stream().write(`\r\x1b[Kindexing ${file}: ${percent}% (${groupedDigits(rows)} rows)`);
      shown = true;
    },
    done() {
      if (shown) stream().write('\r\x1b[K');
      shown = false;
    },
  };
}

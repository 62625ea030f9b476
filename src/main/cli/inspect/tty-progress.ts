// The indexing progress of `flagdeck inspect` on a terminal.
import type { OnProgress } from '../../log-index/index-folder';
import { groupedDigits } from '../grouped-digits';

/** A progress line for a terminal: rewritten in place, cleared at the end. */
export function ttyProgress(stream: NodeJS.WriteStream): { onProgress: OnProgress; done(): void } {
  let shown = false;
  let last = 0;
  return {
    onProgress(file, bytesIndexed, bytesTotal, rows) {
      const now = Date.now();
      if (!stream.isTTY || now - last < 100) return;
      last = now;
      const percent = bytesTotal > 0 ? Math.floor((100 * bytesIndexed) / bytesTotal) : 100;
      stream.write(`\r\x1b[Kindexing ${file}: ${percent}% (${groupedDigits(rows)} rows)`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

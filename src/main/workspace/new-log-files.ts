// A file that appears in a followed folder may be a new log (Gradio 5 starts `datasetN.csv` when the
// interface changes): it is looked at once its first line (the header) is whole.
import { open } from 'node:fs/promises';
import { holdsWholeLine } from '../gradio/line-end';

/** Files that may be logs (findLogs decides). */
export const LOG_NAME = /(?:\.csv|metadata\.jsonl)$/i;

export async function hasWholeFirstLine(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return holdsWholeLine(buf.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

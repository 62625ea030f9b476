// A file that appears in a followed folder may be a new log (Gradio 5 starts `datasetN.csv` when the
// interface changes; the HF saver writes a `<uuid>/metadata.jsonl` per flagged sample): it is looked
// at once its first line (the header, or the first record) is whole.
import { open } from 'node:fs/promises';
import { holdsWholeLine } from '../gradio/line-end';

/** Files that may be logs (findLogs decides). */
export const LOG_NAME = /(?:\.csv|metadata\.jsonl)$/i;

const HEAD_BYTES = 64 * 1024;

export async function hasWholeFirstLine(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      const head = buf.subarray(0, bytesRead);
      return holdsWholeLine(head) || (path.endsWith('.jsonl') && isWholeJsonObject(head));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Whether a JSON-lines file's only line, without its line end, is a whole JSON object: the HF
 * saver writes each sample's metadata.jsonl at once and ends it without one, so no line end ever
 * comes; a record cut short by a write under way is never valid JSON.
 */
function isWholeJsonObject(head: Buffer): boolean {
  if (head.length === 0 || head.length === HEAD_BYTES) return false;
  try {
    const value: unknown = JSON.parse(head.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

// A file that appears in a followed folder may be a new log (Gradio 5 starts `datasetN.csv` when the
// interface changes; the HF saver writes a `<uuid>/metadata.jsonl` per flagged sample): it is looked
// at once its first line (the header, or the first record) is whole.
import { open } from 'node:fs/promises';
import { holdsWholeLine } from '../gradio/line-end';
import { isWholeJsonObject } from '../gradio/jsonl-record-source';

const HEAD_BYTES = 64 * 1024;

export async function hasWholeFirstLine(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      const head = buf.subarray(0, bytesRead);
      // The HF saver writes each sample's metadata.jsonl at once and ends it without a line end.
      const whole = bytesRead < HEAD_BYTES && path.endsWith('.jsonl') && isWholeJsonObject(head);
      return holdsWholeLine(head) || whole;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

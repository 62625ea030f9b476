// A file that appears in a followed folder may be a new log (Gradio 5 starts `datasetN.csv` when the
// interface changes; the HF saver writes a `<uuid>/metadata.jsonl` per flagged sample): it is looked
// at once its first line (the header, or the first record) is whole.
import { holdsWholeLine } from '../gradio/line-end';
import { isWholeJsonObject } from '../gradio/jsonl-record-source';
import { readFileHead } from '../platform/file-calls';

const HEAD_BYTES = 64 * 1024;

export async function hasWholeFirstLine(path: string): Promise<boolean> {
  try {
    const { bytes: head } = await readFileHead(path, HEAD_BYTES);
    // The HF saver writes each sample's metadata.jsonl at once and ends it without a line end.
    const whole = head.length < HEAD_BYTES && path.endsWith('.jsonl') && isWholeJsonObject(head);
    return holdsWholeLine(head) || whole;
  } catch {
    return false;
  }
}

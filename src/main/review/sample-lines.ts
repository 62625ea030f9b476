// Where each sample's journal lines start (byte offsets, oldest first), noted as the store folds
// lines, so one sample's history reads its own lines instead of the whole journal. Lines a
// snapshot covers were never folded line by line: they are indexed once, on the first history
// asked for.
import { basename } from 'node:path';
import { lineParser } from './journal-line';
import { readLines } from './journal-reader';

export class SampleLines {
  private offsets = new Map<string, number[]>();
  /** The index holds every line from here to the folded end; before it, nothing yet. */
  private from = 0;
  /** The prefix being indexed, shared by concurrent callers. */
  private filling: Promise<void> | null = null;

  constructor(private readonly journal: string) {}

  add(id: string, offset: number): void {
    const list = this.offsets.get(id);
    if (list) list.push(offset);
    else this.offsets.set(id, [offset]);
  }

  /** Forgets everything: the index starts again at `offset` (a snapshot's end, or 0). */
  restartAt(offset: number): void {
    this.offsets = new Map();
    this.from = offset;
    this.filling = null;
  }

  /** The offsets of `id`'s lines, oldest first, once the lines before the folded ones are indexed too. */
  async of(id: string): Promise<readonly number[]> {
    if (this.from > 0) {
      this.filling ??= this.indexPrefix();
      await this.filling;
    }
    return this.offsets.get(id) ?? [];
  }

  private async indexPrefix(): Promise<void> {
    const until = this.from;
    const earlier = new Map<string, number[]>();
    const name = basename(this.journal);
    const parseLine = await lineParser();
    await readLines(
      this.journal,
      0,
      1,
      (text, lineNo, offset) => {
        const parsed = parseLine(text, name, lineNo);
        if (!('line' in parsed)) return;
        const list = earlier.get(parsed.line.sample);
        if (list) list.push(offset);
        else earlier.set(parsed.line.sample, [offset]);
      },
      { until },
    );
    // The index may have started again meanwhile (the journal was replaced): keep that one.
    if (this.from !== until) return;
    for (const [id, later] of this.offsets) earlier.set(id, [...(earlier.get(id) ?? []), ...later]);
    this.offsets = earlier;
    this.from = 0;
  }
}

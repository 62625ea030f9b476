// What this process remembers to revert its own edits quickly (older ones fall off); an edit it no
// longer remembers, or one of another process, is found in the journal by its id.
import { basename } from 'node:path';
import { changesFromLines, type SampleChange } from './edit-lines';
import { lineParser, type JournalLine } from './journal-line';
import { readLines } from './journal-reader';

const REVERTIBLE_EDITS = 500;
const REVERTIBLE_SAMPLES = 200_000;

export class RevertibleEdits {
  private readonly edits = new Map<string, SampleChange[]>();
  private samples = 0;

  constructor(private readonly journal: string) {}

  /** Keeps what reverting an edit needs, forgetting the oldest edits past the limits (never the newest). */
  remember(editId: string, changes: SampleChange[]): void {
    this.edits.set(editId, changes);
    this.samples += changes.length;
    for (const [oldest, old] of this.edits) {
      if (oldest === editId) break;
      if (this.edits.size <= REVERTIBLE_EDITS && this.samples <= REVERTIBLE_SAMPLES) break;
      this.edits.delete(oldest);
      this.samples -= old.length;
    }
  }

  /** What an edit changed; null when the journal has no line of it. */
  async changesOf(editId: string): Promise<SampleChange[] | null> {
    return this.edits.get(editId) ?? (await this.changesInJournal(editId));
  }

  private async changesInJournal(editId: string): Promise<SampleChange[] | null> {
    const lines: JournalLine[] = [];
    const name = basename(this.journal);
    const parseLine = await lineParser();
    await readLines(this.journal, 0, 1, (text, lineNo) => {
      if (!text.includes(editId)) return;
      const parsed = parseLine(text, name, lineNo);
      if ('line' in parsed && parsed.line.edit === editId) lines.push(parsed.line);
    });
    return lines.length > 0 ? changesFromLines(lines) : null;
  }
}

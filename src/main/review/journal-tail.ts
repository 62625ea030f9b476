// Where this process has read the journal up to, and the folding of what lies past it: lines other
// writers appended (read from disk) and this process's own batches (folded as written, never read
// back). A journal replaced or shortened under us is read again from the start.
import { fs } from '../platform/node-fs';
import { basename } from 'node:path';
import type { FoldedState } from './fold';
import { formatLine, lineParser, type JournalLine } from './journal-line';
import { readLines } from './journal-reader';
import type { Landed } from './journal-writer';
import { SampleLines } from './sample-lines';

/** Tails up to this size are read synchronously (see `read`). */
const SYNC_TAIL_BYTES = 4 * 1024 * 1024;

export class JournalTail {
  /** Offset just past the last line folded. */
  offset = 0;
  /** Offset the snapshot covers (0 without one). */
  snapshotOffset = 0;
  private lineNo = 1;
  private inode: number | undefined;
  /** Where each sample's lines are, for its history. */
  readonly sampleLines: SampleLines;

  constructor(
    private readonly journal: string,
    private readonly folded: FoldedState,
    private readonly problems: Set<string>,
  ) {
    this.sampleLines = new SampleLines(journal);
  }

  /** Lines folded so far (the snapshot's count of lines before `offset`). */
  get lines(): number {
    return this.lineNo - 1;
  }

  /** Continues after a snapshot that covers the journal's first `offset` bytes, `lines` lines. */
  startAfter(covered: { offset: number; lines: number }): void {
    this.offset = this.snapshotOffset = covered.offset;
    this.lineNo = covered.lines + 1;
    this.sampleLines.restartAt(covered.offset);
  }

  /**
   * Folds the complete lines appended since the last read, up to `until` (default: the end);
   * resolves to the ids whose state changed.
   */
  async read(opening: boolean, until = Infinity): Promise<Set<string>> {
    const info = fs.statSync(this.journal, { throwIfNoEntry: false }) ?? null;
    const size = Math.min(info?.size ?? 0, until);
    const replaced = info !== null && this.inode !== undefined && info.ino !== this.inode;
    if (info) this.inode = info.ino;
    const changed = new Set<string>();
    if ((info?.size ?? 0) < this.offset || replaced) this.restart(replaced, info?.size ?? 0, changed);
    // A journal deleted under us reads as empty; the next append makes a new one.
    if (!info || size <= this.offset) return changed;
    const name = basename(this.journal);
    const parseLine = await lineParser();
    const onLine = (text: string, lineNo: number, offset: number): void => {
      const parsed = parseLine(text, name, lineNo);
      if ('error' in parsed) return void this.problems.add(parsed.error);
      this.sampleLines.add(parsed.line.sample, offset);
      if (this.folded.apply(parsed.line)) changed.add(parsed.line.sample);
    };
    // A short tail (an edit, another process's lines) is read at once, not behind the queries'
    // file reads; a long one (opening, a journal re-read whole) is read in the background.
    const sync = size - this.offset <= SYNC_TAIL_BYTES;
    const read = await readLines(this.journal, this.offset, this.lineNo, onLine, { sync, until });
    this.offset = read.offset;
    this.lineNo = read.lineNo;
    if (opening && read.pending > 0) {
      this.problems.add(
        `${name} line ${read.lineNo}: incomplete last line (${read.pending} bytes; a crash mid-write?) skipped`,
      );
    }
    return changed;
  }

  /**
   * Folds a batch this process just appended, as written: first whatever other writers put before
   * it, then its lines without reading them back. Where the writer could not tell where the batch
   * landed (another process appended at the same moment), the tail is read instead.
   */
  async foldWritten(lines: JournalLine[], landed: Landed | null): Promise<Set<string>> {
    if (!landed) return this.read(false);
    const changed = await this.read(false, landed.start);
    if (this.offset !== landed.start) {
      // The journal changed under us in a way the offsets cannot follow (replaced meanwhile).
      for (const id of await this.read(false)) changed.add(id);
      return changed;
    }
    let offset = landed.start;
    for (const line of lines) {
      this.sampleLines.add(line.sample, offset);
      offset += Buffer.byteLength(formatLine(line));
      if (this.folded.apply(line)) changed.add(line.sample);
    }
    this.offset = landed.end;
    this.lineNo += lines.length;
    return changed;
  }

  private restart(replaced: boolean, size: number, changed: Set<string>): void {
    const what = replaced ? 'was replaced' : `shrank from ${this.offset} to ${size} bytes`;
    this.problems.add(`${this.journal} ${what}; read again from the start`);
    for (const id of this.folded.ids()) changed.add(id);
    this.folded.clear();
    this.offset = this.snapshotOffset = 0;
    this.lineNo = 1;
    this.sampleLines.restartAt(0);
  }
}

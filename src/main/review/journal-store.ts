// One folder's review state: the journal folded in memory, kept current by watching the journal
// (other windows, `flagdeck serve` processes, reviewers on a shared folder), and written through.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FlagOptions, ReviewPatch } from '../../shared/api';
import type { ReviewState } from '../../shared/model';
import type { Orphan, ReviewService, SampleIdentity } from './review-store';
import {
  changesFromLines,
  editLines,
  newEditId,
  patchToChanges,
  revertLines,
  type EditLines,
  type SampleChange,
} from './edit-lines';
import { flagOptions, readCustomOptions, writeCustomOptions } from './flag-options';
import { FoldedState, toReviewState } from './fold';
import { formatLine, parseLine, type JournalLine } from './journal-line';
import { readLines } from './journal-reader';
import { watchJournal } from './journal-watch';
import type { JournalWriter } from './journal-writer';
import type { ReviewLocation } from './location';
import { TaskQueue } from './task-queue';
import { readSnapshot, snapshotFolds, writeSnapshot } from './snapshot';
import type { UndoHistory } from './undo-history';

/** How much this process remembers to revert its edits (older ones fall off the undo stacks). */
const REVERTIBLE_EDITS = 500;
const REVERTIBLE_SAMPLES = 200_000;
/** Tails up to this size are read synchronously (see readTail). */
const SYNC_TAIL_BYTES = 4 * 1024 * 1024;

export interface StoreSettings {
  location: ReviewLocation;
  writer: JournalWriter;
  history: UndoHistory;
  reviewer: string;
  /** How often to look at the journal's size besides file-system events, in ms. */
  pollMs: number;
  /** Compact on close when this many journal bytes are not covered by the snapshot. */
  compactBytes: number;
}

export class JournalStore implements ReviewService {
  readonly location: ReviewLocation;
  private readonly folded = new FoldedState();
  private readonly listeners = new Set<(ids: string[]) => void>();
  private readonly writes = new TaskQueue();
  private readonly reads = new TaskQueue();
  private readonly revertible = new Map<string, SampleChange[]>();
  private revertibleSamples = 0;
  private readonly ownLines = new Map<string, JournalLine>();
  private readonly problems = new Set<string>();
  private queuedRefresh: Promise<void> | null = null;
  private offset = 0;
  private lineNo = 1;
  private snapshotOffset = 0;
  private lastAt = '';
  private inode: number | undefined;
  private unwatch: (() => void) | undefined;
  private closed = false;

  constructor(private readonly settings: StoreSettings) {
    this.location = settings.location;
  }

  /** Loads the snapshot (if it still matches), folds the rest of the journal, starts watching. */
  async start(): Promise<void> {
    const { snapshot, warning } = await readSnapshot(this.location.snapshot, this.location.journal);
    if (warning) this.problems.add(warning);
    if (snapshot) {
      this.folded.load(snapshotFolds(snapshot));
      this.offset = this.snapshotOffset = snapshot.offset;
      this.lineNo = snapshot.lines + 1;
    }
    await this.reads.run(() => this.readTail(true));
    this.watch();
  }

  get(id: string, rowHash?: string): ReviewState | undefined {
    const fold = this.folded.get(id, rowHash);
    return fold ? toReviewState(fold) : undefined;
  }

  ids(): Iterable<string> {
    return this.folded.ids();
  }

  onChange(listener: (ids: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async edit(
    samples: SampleIdentity[],
    patch: ReviewPatch,
    by: string,
    options: { session?: string; undoable?: boolean } = {},
  ): Promise<{ editId: string; count: number }> {
    const set = patchToChanges(patch);
    const editId = newEditId();
    const count = await this.writes.run(async () => {
      await this.refresh();
      const stamp = { edit: editId, at: this.nextAt(), by };
      return this.append(editId, editLines(this.folded, samples, set, stamp));
    });
    if (count > 0 && options.undoable !== false) {
      this.settings.history.record(options.session ?? by, [{ store: this, editId }]);
    }
    return { editId, count };
  }

  undo(session = this.settings.reviewer, by = this.settings.reviewer): Promise<string | null> {
    return this.settings.history.undo(session, by);
  }

  redo(session = this.settings.reviewer, by = this.settings.reviewer): Promise<string | null> {
    return this.settings.history.redo(session, by);
  }

  /** Appends the inverse of one of this process's edits (see `revertLines`). */
  revert(editId: string, by: string): Promise<string | null> {
    return this.writes.run(async () => {
      const changes = this.revertible.get(editId) ?? (await this.changesInJournal(editId));
      if (!changes) return null;
      await this.refresh();
      const edit = newEditId();
      const lines = revertLines(this.folded, { id: editId, changes }, { edit, at: this.nextAt(), by });
      return (await this.append(edit, lines)) > 0 ? edit : null;
    });
  }

  async options(folderId: string, fromLogs: Iterable<string | null>): Promise<FlagOptions> {
    return flagOptions(folderId, fromLogs, await readCustomOptions(this.location.config));
  }

  async setOptions(
    folderId: string,
    fromLogs: Iterable<string | null>,
    custom: FlagOptions['custom'],
  ): Promise<FlagOptions> {
    return flagOptions(folderId, fromLogs, await writeCustomOptions(this.location.config, custom));
  }

  orphans(currentHash: (id: string) => string | undefined): Orphan[] {
    const orphans: Orphan[] = [];
    for (const fold of this.folded.all()) {
      const current = currentHash(fold.id);
      if (current === fold.rowHash) continue;
      orphans.push({
        id: fold.id,
        rowHash: fold.rowHash,
        review: toReviewState(fold),
        kind: current === undefined ? 'missing' : 'changed',
      });
    }
    return orphans;
  }

  warnings(): string[] {
    return [...this.problems];
  }

  /** Folds whatever was appended since the last read; concurrent calls share one read. */
  refresh(): Promise<void> {
    if (!this.queuedRefresh) {
      this.queuedRefresh = this.reads.run(() => {
        this.queuedRefresh = null;
        return this.readTail(false);
      });
    }
    return this.queuedRefresh;
  }

  compact(): Promise<void> {
    return this.reads.run(async () => {
      await this.readTail(false);
      const covered = { offset: this.offset, lines: this.lineNo - 1 };
      await writeSnapshot(this.location.snapshot, this.location.journal, covered, this.folded.all());
      this.snapshotOffset = covered.offset;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unwatch?.();
    this.settings.history.forget(this);
    await this.writes.run(async () => undefined);
    if (this.offset - this.snapshotOffset >= this.settings.compactBytes) await this.compact();
    await this.settings.writer.close();
  }

  /** Writes the lines (one write, fsync), folds them, and keeps what is needed to revert them. */
  private async append(editId: string, edit: EditLines): Promise<number> {
    if (edit.lines.length === 0) return 0;
    await this.settings.writer.follow();
    const texts = edit.lines.map(formatLine);
    // Our own lines come back through the tail read (to keep journal order); knowing their exact
    // text spares parsing them again, which is most of a bulk edit's cost.
    texts.forEach((text, i) => this.ownLines.set(text.slice(0, -1), edit.lines[i]));
    try {
      // No tail read may run meanwhile: it would fold lines of a batch the writer then cuts back.
      await this.reads.run(() => this.settings.writer.append(texts.join('')));
      this.remember(editId, edit.changes);
      await this.refresh();
    } finally {
      this.ownLines.clear();
    }
    return edit.lines.length;
  }

  /** What an edit changed, from its lines in the journal (an edit of another process or session). */
  private async changesInJournal(editId: string): Promise<SampleChange[] | null> {
    const lines: JournalLine[] = [];
    const name = basename(this.location.journal);
    await readLines(this.location.journal, 0, 1, (text, lineNo) => {
      if (!text.includes(editId)) return;
      const parsed = parseLine(text, name, lineNo);
      if ('line' in parsed && parsed.line.edit === editId) lines.push(parsed.line);
    });
    return lines.length > 0 ? changesFromLines(lines) : null;
  }

  /** Keeps what reverting an edit needs, forgetting the oldest edits past the limits (never the newest). */
  private remember(editId: string, changes: SampleChange[]): void {
    this.revertible.set(editId, changes);
    this.revertibleSamples += changes.length;
    for (const [oldest, old] of this.revertible) {
      if (oldest === editId) break;
      if (this.revertible.size <= REVERTIBLE_EDITS && this.revertibleSamples <= REVERTIBLE_SAMPLES) break;
      this.revertible.delete(oldest);
      this.revertibleSamples -= old.length;
    }
  }

  private async readTail(opening: boolean): Promise<void> {
    const journal = this.location.journal;
    const info = statSync(journal, { throwIfNoEntry: false }) ?? null;
    const size = info?.size ?? 0;
    const replaced = info !== null && this.inode !== undefined && info.ino !== this.inode;
    if (info) this.inode = info.ino;
    const changed = new Set<string>();
    if (size < this.offset || replaced) {
      const what = replaced ? 'was replaced' : `shrank from ${this.offset} to ${size} bytes`;
      this.problems.add(`${journal} ${what}; read again from the start`);
      for (const id of this.folded.ids()) changed.add(id);
      this.folded.clear();
      this.offset = this.snapshotOffset = 0;
      this.lineNo = 1;
    }
    // A journal deleted under us reads as empty; the next append makes a new one.
    if (!info || (size === this.offset && changed.size === 0)) {
      if (changed.size > 0) this.emit([...changed]);
      return;
    }
    const name = basename(journal);
    const onLine = (text: string, lineNo: number): void => {
      const own = this.ownLines.get(text);
      const parsed = own ? { line: own } : parseLine(text, name, lineNo);
      if ('error' in parsed) this.problems.add(parsed.error);
      else if (this.folded.apply(parsed.line)) changed.add(parsed.line.sample);
    };
    // A short tail (an edit, another process's lines) is read at once, not behind the queries'
    // file reads; a long one (opening, a journal re-read whole) is read in the background.
    const short = size - this.offset <= SYNC_TAIL_BYTES;
    const read = await readLines(journal, this.offset, this.lineNo, onLine, short);
    this.offset = read.offset;
    this.lineNo = read.lineNo;
    if (opening && read.pending > 0) {
      this.problems.add(
        `${name} line ${read.lineNo}: incomplete last line (${read.pending} bytes; a crash mid-write?) skipped`,
      );
    }
    if (changed.size > 0) this.emit([...changed]);
  }

  private emit(ids: string[]): void {
    for (const listener of this.listeners) {
      try {
        listener(ids);
      } catch (error) {
        this.problems.add(
          `a review listener failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  private watch(): void {
    this.unwatch = watchJournal(this.location.journal, this.settings.pollMs, () => {
      if (!this.closed) this.refresh().catch((error: unknown) => this.problems.add(String(error)));
    });
  }

  /** Now, but never before this process's previous change, so its own later change always wins. */
  private nextAt(): string {
    const now = new Date().toISOString();
    this.lastAt = now > this.lastAt ? now : this.lastAt;
    return this.lastAt;
  }
}

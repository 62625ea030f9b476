// One folder's review state: the journal folded in memory, kept current by watching the journal
// (other windows, `flagdeck serve` processes, reviewers on a shared folder), and written through.
import type { FlagOptions, HistoryEntry, ReviewPatch } from '../../shared/api';
import type { ReviewState } from '../../shared/model';
import type { Orphan, ReviewService, SampleIdentity } from './review-store';
import { editLines, newEditId, patchToChanges, revertLines, type EditLines } from './edit-lines';
import { flagOptions, readCustomOptions, writeCustomOptions } from './flag-options';
import { FoldedState, toReviewState } from './fold';
import { formatLine } from './journal-line';
import { JournalTail } from './journal-tail';
import { watchJournal } from './journal-watch';
import type { JournalWriter } from './journal-writer';
import type { ReviewLocation } from './location';
import { RevertibleEdits } from './revertible-edits';
import { sampleHistory } from './sample-history';
import { TaskQueue } from './task-queue';
import { readSnapshot, snapshotFolds, writeSnapshot } from './snapshot';
import type { UndoHistory } from './undo-history';

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
  private readonly problems = new Set<string>();
  private readonly tail: JournalTail;
  private readonly revertible: RevertibleEdits;
  private queuedRefresh: Promise<void> | null = null;
  private lastAt = '';
  private unwatch: (() => void) | undefined;
  private closed = false;

  constructor(private readonly settings: StoreSettings) {
    this.location = settings.location;
    this.tail = new JournalTail(settings.location.journal, this.folded, this.problems);
    this.revertible = new RevertibleEdits(settings.location.journal);
  }

  /** Loads the snapshot (if it still matches), folds the rest of the journal, starts watching. */
  async start(): Promise<void> {
    const { snapshot, warning } = await readSnapshot(this.location.snapshot, this.location.journal);
    if (warning) this.problems.add(warning);
    if (snapshot) {
      this.folded.load(snapshotFolds(snapshot));
      this.tail.startAfter(snapshot);
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
      const changes = await this.revertible.changesOf(editId);
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

  /** Reads what other writers appended first, then only the sample's own lines. */
  async history(id: string): Promise<HistoryEntry[]> {
    await this.refresh();
    return sampleHistory(this.location.journal, id, await this.tail.sampleLines.of(id));
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
      const covered = { offset: this.tail.offset, lines: this.tail.lines };
      await writeSnapshot(this.location.snapshot, this.location.journal, covered, this.folded.all());
      this.tail.snapshotOffset = covered.offset;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unwatch?.();
    this.settings.history.forget(this);
    await this.writes.run(async () => undefined);
    if (this.tail.offset - this.tail.snapshotOffset >= this.settings.compactBytes) await this.compact();
    await this.settings.writer.close();
  }

  /**
   * Writes the lines (one write, fsync), folds them as written and tells the listeners, and keeps
   * what is needed to revert them. Lines are never read back: the writer says where they landed.
   */
  private async append(editId: string, edit: EditLines): Promise<number> {
    if (edit.lines.length === 0) return 0;
    await this.settings.writer.follow();
    const text = edit.lines.map(formatLine).join('');
    // No tail read may run meanwhile: it would fold lines of a batch the writer then cuts back.
    await this.reads.run(async () => {
      const landed = await this.settings.writer.append(text);
      this.revertible.remember(editId, edit.changes);
      this.emit(await this.tail.foldWritten(edit.lines, landed));
    });
    return edit.lines.length;
  }

  private async readTail(opening: boolean): Promise<void> {
    this.emit(await this.tail.read(opening));
  }

  private emit(changed: Set<string>): void {
    if (changed.size === 0) return;
    const ids = [...changed];
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

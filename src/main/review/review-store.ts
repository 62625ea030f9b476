// The seam between the review journal (this folder) and the rest of the main process.
import type { FlagOptions, HistoryEntry, ReviewPatch } from '../../shared/api';
import type { ReviewState } from '../../shared/model';
import type { ReviewLocation } from './location';

/** What the journal needs to know about a sample to accept an edit for it. */
export interface SampleIdentity {
  id: string;
  rowHash: string;
  originalReason: string | null;
}

/** The folded review state of one folder, kept current as the journal grows (any writer). */
export interface ReviewStore {
  /**
   * The current state, or `undefined` when the sample was never edited. Pass the row's current
   * hash: edits made on another version of the row (the log was rewritten) are then not applied
   * (they are orphans). Without it, the state of the row hash edited last is returned.
   */
  get(id: string, rowHash?: string): ReviewState | undefined;
  /** Ids of every sample with review state (for filters on status / reason). */
  ids(): Iterable<string>;
  /** Called after any change, local or from another writer, with the ids that changed. */
  onChange(listener: (ids: string[]) => void): () => void;
  /**
   * Appends one edit (one undo step) for many samples; resolves after fsync, once the state and
   * the listeners have seen it. `session` keys the undo stack (default: `by`); `undoable: false`
   * leaves the step to the caller's own history (a workspace-wide bulk edit records one step).
   */
  edit(
    samples: SampleIdentity[],
    patch: ReviewPatch,
    by: string,
    options?: { session?: string; undoable?: boolean },
  ): Promise<{ editId: string; count: number }>;
}

/** Journal lines kept for a row that is no longer there as it was when they were written. */
export interface Orphan {
  id: string;
  rowHash: string;
  review: ReviewState;
  /** `changed`: the row at this id now has another hash; `missing`: no row at this id any more. */
  kind: 'changed' | 'missing';
}

/** Everything a host needs from one opened folder's review state. */
export interface ReviewService extends ReviewStore {
  readonly location: ReviewLocation;
  /** Appends the inverse of one of this process's edits; null when nothing is left to revert. */
  revert(editId: string, by: string): Promise<string | null>;
  /**
   * Undoes the session's last edit (one journal append restoring the previous values). The session
   * and the name recorded default to the store's reviewer.
   */
  undo(session?: string, by?: string): Promise<string | null>;
  redo(session?: string, by?: string): Promise<string | null>;
  /** `fromLogs`: the distinct values of the logs' flag columns (the index knows them). */
  options(folderId: string, fromLogs: Iterable<string | null>): Promise<FlagOptions>;
  setOptions(
    folderId: string,
    fromLogs: Iterable<string | null>,
    custom: FlagOptions['custom'],
  ): Promise<FlagOptions>;
  /** Journal entries whose row is gone or changed, given each id's current row hash. */
  orphans(currentHash: (id: string) => string | undefined): Orphan[];
  /** One sample's journal entries, oldest first (other writers' lines included). */
  history(id: string): Promise<HistoryEntry[]>;
  /** Problems met reading the journal (torn or invalid lines), each with file and line. */
  warnings(): string[];
  /** Reads lines other writers appended, now (the watcher does this by itself). */
  refresh(): Promise<void>;
  /** Writes a snapshot of the folded state; the journal itself is kept whole. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

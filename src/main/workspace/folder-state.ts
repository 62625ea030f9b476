// One opened flagging folder: its logs (each with its index, review overlay and follower), its
// review store, its watcher.
import type { ReviewStore } from '../review/review-store';
import type { LogFollower } from '../follow/log-follower';
import { LateAssets } from '../follow/late-assets';
import type { QueryLog } from '../query/query-log';
import type { Restored } from '../log-index/persisted-index';

export interface LogEntry {
  query: QueryLog;
  follower: LogFollower;
  /** Settles when the first full index of the log is done. */
  indexing: Promise<void>;
  /** The first full index is done: until then follow checks leave the log to it. */
  indexed: boolean;
  /** `indexedEnd` of the log as last persisted (or restored); undefined when never. */
  keptEnd?: number;
  /** Takes the rest of a persisted index of which only the first rows were taken at the open. */
  restoreRest?: () => Promise<Restored>;
}

/**
 * The folder's logs by file; `changes` counts what was set or deleted (WorkspaceQueries keeps its
 * list of every log until it moves).
 */
export class LogEntries extends Map<string, LogEntry> {
  changes = 0;
  override set(file: string, entry: LogEntry): this {
    this.changes++;
    return super.set(file, entry);
  }
  override delete(file: string): boolean {
    this.changes++;
    return super.delete(file);
  }
  override clear(): void {
    this.changes++;
    super.clear();
  }
}

const MAX_HASHES = 100_000;
/** A folder's own problems shown at most (the newest); each is a line of its own in the UI. */
const MAX_PROBLEMS = 20;

export class FolderState {
  readonly logs = new LogEntries();
  store?: ReviewStore;
  stopStore?: () => void;
  /**
   * Copies the store's state of one log's rows into that log's overlay (the overlay is an index
   * derived from the store, written nowhere else): of the rows `fromRow` on, after rows were
   * indexed, appended or read again.
   */
  applyStore?: (file: string, fromRow?: number) => void;
  closeWatch?: () => Promise<void>;
  /** The watcher being started (FolderFollowing.follow): settled once it watches, or failed to. */
  watching?: Promise<void>;
  /** The directories of many sample folders the watch watches apart (sample-folders.ts). */
  sampleParents = new Set<string>();
  /** The watch is being made again, for a directory of sample folders that grew (FolderFollowing). */
  rewatching = false;
  poll?: NodeJS.Timeout;
  /** Where the next poll starts in the folder's logs (poll-some.ts). */
  pollNext = 0;
  /** Row hashes seen lately, by sample id (for the review's orphan checks). */
  readonly hashes = new Map<string, string>();
  /** Rows shown with missing files, checked again while following. */
  readonly lateAssets = new LateAssets();
  /** Files being looked at as possible new logs. */
  readonly pending = new Set<string>();
  /**
   * Files named like a log whose header was not whole when last looked at: checked again on each
   * poll, because the change event that completes the header can be dropped in a burst.
   */
  readonly unfinishedLogs = new Set<string>();
  closed = false;
  /** What went wrong with the folder itself, oldest first, each with the log it is about, if one. */
  private readonly problemList: { message: string; log?: string }[] = [];
  /** Looks for new logs now and then where the watcher cannot tell of them (FolderFollowing). */
  discover?: NodeJS.Timeout;
  /** Looks for new logs once, after a change the watcher could not name (FolderFollowing). */
  rediscover?: NodeJS.Timeout;

  /** FolderInfo.problems: the messages, oldest first. */
  get problems(): string[] {
    return this.problemList.map(({ message }) => message);
  }

  /** Adds a problem (about `log`, if one) unless it is known: whether it was added. */
  addProblem(message: string, log?: string): boolean {
    if (this.problemList.some((problem) => problem.message === message)) return false;
    if (this.problemList.length >= MAX_PROBLEMS) this.problemList.shift();
    this.problemList.push(log === undefined ? { message } : { message, log });
    return true;
  }

  /** Forgets the problems about `log`, which was read since: whether there were any. */
  forgetProblemsOf(log: string): boolean {
    const before = this.problemList.length;
    for (let i = before - 1; i >= 0; i--) if (this.problemList[i].log === log) this.problemList.splice(i, 1);
    return this.problemList.length < before;
  }

  /** Keeps the hash of a row read lately; the oldest are forgotten past a bound. */
  rememberHash(id: string, hash: string): void {
    if (this.hashes.size >= MAX_HASHES && !this.hashes.has(id)) {
      const oldest = this.hashes.keys().next();
      if (!oldest.done) this.hashes.delete(oldest.value);
    }
    this.hashes.set(id, hash);
  }

  constructor(
    readonly id: string,
    readonly root: string,
    readonly name: string,
    readonly readOnly: boolean,
  ) {}
}

// How a Workspace is set up: where events go, the reader, the review stores, follow timing.
import type { EventName, EventPayload } from '../../shared/api';
import type { GradioReader, RecordSource } from '../gradio/log-model';
import type { ReviewStore } from '../review/review-store';
import type { FollowTiming } from '../follow/log-follower';
import type { watchFolder } from '../follow/folder-watch';
import type { IndexCacheOptions } from '../log-index/persisted-index';
import type { MarksByLog } from '../query/replay-marks';
import type { LogIndex } from '../log-index/log-index';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface WorkspaceOptions {
  emit: Emit;
  reader?: GradioReader;
  /** Reads the logs the byte scanner does not (JSON lines); default: the reader's. */
  recordSource?: RecordSource;
  /** The review state of a folder (the review service's store); without it rows are unreviewed. */
  reviewStoreFor?(folderId: string, root: string): Promise<ReviewStore>;
  /** Called when a folder is closed (to close its review store). */
  releaseStoreFor?(folderId: string): Promise<void>;
  log?(message: string): void;
  /** Where `workspace.recent` is kept. */
  recentFile?: string;
  timing?: FollowTiming;
  /** Safety-net re-check of every log, in ms (0: none). */
  pollMs?: number;
  /** Bytes indexed in this thread before the rest goes to worker threads (the first page). */
  firstBytes?: number;
  /**
   * Scan a large log's first half in this thread, beside one worker (one-shot commands: nothing
   * else waits on the thread). Default: two workers, so the app's main thread stays free.
   */
  hostScans?: boolean;
  /** Delay before the bulk index of a log starts (the first page goes first). */
  bulkDelayMs?: number;
  /** Where a folder cannot be watched: how often it is looked through for new logs (ms; default 5000). */
  discoverMs?: number;
  /** Watch folders for changes (default true). */
  follow?: boolean;
  /** The folder watcher (default: chokidar's, follow/folder-watch.ts; tests pass one that drops events). */
  watchFolder?: typeof watchFolder;
  /** Reuse and keep each large log's index on disk (see log-index/persisted-index.ts); default: no. */
  indexCache?: IndexCacheOptions;
  /** The replay outcome of each row in the run shown (the replay room's, wired by the app). */
  replayMarks?: ReplayMarksSource;
}

/** The folders a query spans, for the replay marks of their logs. */
export interface MarkedFolder {
  id: string;
  root: string;
  /**
   * Log file → its query key, row count and index (to read the current hash of a row); asked for
   * only where the folder holds a run (a folder of 20,000 sample logs has as many).
   */
  logs(): { file: string; key: string; count: number; index: LogIndex }[];
}

export interface ReplayMarksSource {
  /** Marks of each folder's latest run, or of `run` in the folder that holds it. */
  marksFor(folders: MarkedFolder[], run: string | undefined): Promise<MarksByLog>;
}

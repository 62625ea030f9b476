// An open folder followed while Gradio flags: its logs polled, its directories watched, and the new
// logs either finds added (with their rows) as they get a whole first line.
import { join, posix } from 'node:path';
import { watchFolder } from '../follow/folder-watch';
import { isLogIn, isLogName } from '../gradio/find-logs';
import { DISCOVER_MS, watchProblem } from '../follow/watch-problem';
import { sampleParentOf, sampleParentsOf } from '../follow/sample-folders';
import type { FolderState } from './folder-state';
import type { LogTracking } from './log-tracking';
import { hasWholeFirstLine } from './new-log-files';
import { pollSome } from './poll-some';
import type { WorkspaceContext } from './workspace-context';

/** How soon the folder's logs are looked for after a change the watch could not name. */
const REDISCOVER_MS = 250;
/** A folder filling with log-named files that never get a header costs a bounded re-check. */
const MAX_UNFINISHED_LOGS = 64;
/**
 * Where the folder cannot be watched, the next look for new logs comes at least this many times
 * its last look's duration later: a folder of 20,000 sample folders, read whole, takes a while.
 */
const DISCOVER_SPACING = 20;

export class FolderFollowing {
  constructor(
    private readonly ctx: WorkspaceContext,
    private readonly tracking: LogTracking,
  ) {}

  /**
   * Follows `folder`: its logs are polled at once, and watched from when the watcher is ready. The
   * open does not wait for that: chokidar lstats every entry of each directory it watches, seconds
   * where a label directory holds 100,000 hash directories. Once it is ready, the folder's logs are
   * looked for again, for any that appeared before the watcher could see them.
   */
  follow(folder: FolderState): void {
    const { ctx } = this;
    const pollMs = ctx.options.pollMs ?? 1000;
    if (pollMs > 0) {
      folder.poll = setInterval(() => {
        pollSome(folder);
        for (const file of folder.unfinishedLogs) void this.maybeNewLog(folder, file);
        void this.announceLateAssets(folder);
      }, pollMs);
      folder.poll.unref();
    }
    folder.watching = this.watch(folder).catch((error: unknown) => this.watchFailed(folder, error));
  }

  /**
   * The folder cannot be watched, whole or in part: the reviewer is told, and its logs are looked
   * for every DISCOVER_MS, or DISCOVER_SPACING times as long as a look takes where that is longer
   * (appends to known logs are found by the polls above either way).
   */
  private watchFailed(folder: FolderState, error: unknown): void {
    if (folder.closed) return;
    this.ctx.folderProblem(folder, watchProblem(error));
    if (folder.discover) return;
    this.discoverIn(folder, 0);
  }

  /** The next look for new logs, after a last look that took `lastLookMs` (0: none yet). */
  private discoverIn(folder: FolderState, lastLookMs: number): void {
    const every = this.ctx.options.discoverMs ?? DISCOVER_MS;
    folder.discover = setTimeout(
      () => {
        const started = Date.now();
        void this.discoverLogs(folder).then(() => {
          if (!folder.closed) this.discoverIn(folder, Date.now() - started);
        });
      },
      Math.max(every, lastLookMs * DISCOVER_SPACING),
    );
    folder.discover.unref();
  }

  /** Adds the folder's logs not known yet (each once it has a whole first line). */
  private async discoverLogs(folder: FolderState): Promise<void> {
    const files = await this.ctx.reader.findLogs(folder.root).catch(() => [] as string[]);
    for (const file of files) void this.maybeNewLog(folder, file);
  }

  /** Looks for new logs once, soon: changes the watch could not name may come in a burst. */
  private discoverSoon(folder: FolderState): void {
    if (folder.rediscover || folder.closed) return;
    folder.rediscover = setTimeout(() => {
      folder.rediscover = undefined;
      void this.discoverLogs(folder);
    }, REDISCOVER_MS);
    folder.rediscover.unref();
  }

  private async watch(folder: FolderState): Promise<void> {
    const { ctx } = this;
    const watch = ctx.options.watchFolder ?? watchFolder;
    const sampleParents = sampleParentsOf(folder.root, folder.logs.keys());
    folder.sampleParents = new Set(sampleParents);
    const watcher = await watch(
      folder.root,
      {
        changed: (file) => {
          const entry = folder.logs.get(file);
          if (entry) entry.follower.changeReported();
          else if (isLogName(posix.basename(file))) void this.maybeNewLog(folder, file);
        },
        removed: (file) => {
          folder.unfinishedLogs.delete(file);
          folder.logs.get(file)?.follower.changeReported();
        },
        rescan: () => this.discoverSoon(folder),
        error: (error) => this.watchFailed(folder, error),
      },
      { sampleParents },
    );
    if (folder.closed) return watcher.close();
    folder.closeWatch = () => watcher.close();
    await this.discoverLogs(folder);
  }

  /**
   * The directory of the new sample log `file`, once it holds SAMPLE_PARENT_MIN sample folders, is
   * watched apart from chokidar from then on (a demo followed from its first flag grows one): the
   * folder's watch is closed and made again. The old one goes first, not to hold twice the inotify
   * watches near the system's limit; what changes meanwhile is found as at the first watch (the
   * polls for known logs, a look through the folder once the new one watches).
   */
  private watchApartOnceMany(folder: FolderState, file: string): void {
    const parent = sampleParentOf(folder.root, file);
    const { closeWatch } = folder;
    if (parent === undefined || folder.sampleParents.has(parent) || folder.rewatching || folder.closed)
      return;
    // Not while the first watch is starting (or where it failed): the next sample asks again.
    if (closeWatch === undefined) return;
    if (!sampleParentsOf(folder.root, folder.logs.keys()).includes(parent)) return;
    folder.rewatching = true;
    folder.closeWatch = undefined;
    folder.watching = closeWatch()
      .then(() => this.watch(folder))
      .catch((error: unknown) => this.watchFailed(folder, error))
      .finally(() => {
        folder.rewatching = false;
      });
  }

  /** Rows shown with a missing file that has now arrived: the UI fetches them again. */
  private async announceLateAssets(folder: FolderState): Promise<void> {
    try {
      const ids = await folder.lateAssets.arrived(this.ctx.reader);
      if (ids.length > 0 && !folder.closed)
        this.ctx.options.emit('assetsArrived', { folderId: folder.id, ids });
    } catch (error) {
      this.ctx.logProblem(`${folder.root}: ${String(error)}`);
    }
  }

  /** A file appeared or changed that is not a known log: add it once it is a log with a whole first line. */
  private async maybeNewLog(folder: FolderState, file: string): Promise<void> {
    const { ctx } = this;
    if (folder.pending.has(file) || folder.logs.has(file) || folder.closed) return;
    folder.pending.add(file);
    try {
      // A log of a sub-folder opened on its own stays that folder's (one log, one journal).
      if (ctx.ownerOf(join(folder.root, file))) return;
      if (!(await hasWholeFirstLine(join(folder.root, file)))) {
        if (folder.unfinishedLogs.size < MAX_UNFINISHED_LOGS) folder.unfinishedLogs.add(file);
        return;
      }
      folder.unfinishedLogs.delete(file);
      if (!isLogIn(folder.root, file) || folder.logs.has(file) || folder.closed) return;
      const entry = await this.tracking.addLog(folder, file, true);
      if (!entry) return;
      ctx.options.emit('logAdded', { folderId: folder.id, file });
      ctx.changed();
      this.watchApartOnceMany(folder, file);
    } finally {
      folder.pending.delete(file);
    }
  }
}

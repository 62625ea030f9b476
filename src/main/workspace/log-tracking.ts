// Each log of an open folder indexed in the background (first rows first) and followed while Gradio
// appends: new rows, new logs and rewritten logs become events.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LogIndex } from '../log-index/log-index';
import { indexLog } from '../log-index/index-log';
import { earlyScanWorker, indexLogParallel } from '../log-index/scan-workers';
import type { ScanThread } from '../log-index/scan-threads';
import { collectGarbage } from '../query/collect-garbage';
import type { QueryLog } from '../query/query-log';
import { ReviewOverlay } from '../query/review-overlay';
import { refreshLog, rememberTail, seenWhole } from '../follow/refresh-log';
import { LogFollower, DEFAULT_TIMING } from '../follow/log-follower';
import { watchFolder } from '../follow/folder-watch';
import { isLogIn } from '../gradio/find-logs';
import { DISCOVER_MS, watchProblem } from '../follow/watch-problem';
import { sampleParentsOf } from '../follow/sample-folders';
import { sampleId } from '../../shared/sample-id';
import type { FolderState, LogEntry } from './folder-state';
import { hasWholeFirstLine, LOG_NAME } from './new-log-files';
import { keepIndex, restoreKeptIndex, restoreRest } from './kept-index';
import { pollSome } from './poll-some';
import type { WorkspaceContext } from './workspace-context';

const FIRST_BYTES = 256 * 1024;
/** The bulk index starts this long after the first rows, so the first page is served first. */
const BULK_DELAY_MS = 60;
const PROGRESS_MS = 100;
/** From this many rows indexed at once, a full collection afterwards gives back megabytes. */
const LARGE_LOG_ROWS = 100_000;
/** A folder filling with log-named files that never get a header costs a bounded re-check. */
const MAX_UNFINISHED_LOGS = 64;

export class LogTracking {
  constructor(private readonly ctx: WorkspaceContext) {}

  /** Adds one log: its shape now, its first rows in this thread, the rest in the background. */
  async addLog(folder: FolderState, file: string, announce = false): Promise<LogEntry | undefined> {
    const { ctx } = this;
    if (folder.logs.has(file)) return folder.logs.get(file);
    const worker = await this.earlyWorker(folder.root, file);
    let shape;
    try {
      shape = await ctx.reader.shapeOf(folder.root, file);
    } catch (error) {
      worker?.cancel();
      ctx.folderProblem(folder, `${file} cannot be read: ${messageOf(error)}`, file);
      return undefined;
    }
    ctx.logReadAgain(folder, file);
    const log = new LogIndex(join(folder.root, file), shape);
    if (shape.dialect.format === 'jsonl') log.source = ctx.source;
    const query: QueryLog = {
      folderId: folder.id,
      key: `${folder.id}/${file}`,
      log,
      overlay: new ReviewOverlay(),
    };
    const follower = new LogFollower(
      (quietSize) => this.refresh(folder, entry, quietSize),
      (error) => ctx.logProblem(`${log.path}: ${String(error)}`),
      ctx.options.timing ?? DEFAULT_TIMING,
    );
    const entry: LogEntry = { query, follower, indexing: Promise.resolve(), indexed: false };
    folder.logs.set(file, entry);
    try {
      const restored = await restoreKeptIndex(ctx, entry);
      if (restored.kind !== 'reused')
        await indexLog(log, ctx.interners(), {
          final: false,
          until: shape.dataStart + (ctx.options.firstBytes ?? FIRST_BYTES),
        });
    } catch (error) {
      // A worker left booting would keep a one-shot command's process alive.
      worker?.cancel();
      throw error;
    }
    folder.applyStore?.(file);
    entry.indexing = this.indexRest(folder, entry, announce, worker);
    return entry;
  }

  /**
   * A one-shot command's scan worker for a large log, booting while the log's shape is read (see
   * earlyScanWorker); none in the app, whose first page comes before the bulk index.
   */
  private async earlyWorker(root: string, file: string): Promise<ScanThread | undefined> {
    const { hostScans, indexCache } = this.ctx.options;
    if (hostScans !== true) return undefined;
    return earlyScanWorker(root, file, indexCache);
  }

  /** Indexes the rest of a log; `announce`: its rows are new to the UI (a log added while following). */
  private async indexRest(
    folder: FolderState,
    entry: LogEntry,
    announce: boolean,
    worker?: ScanThread,
  ): Promise<void> {
    const { ctx } = this;
    const { log } = entry.query;
    await new Promise((resolve) => setTimeout(resolve, ctx.options.bulkDelayMs ?? BULK_DELAY_MS));
    let last = 0;
    const progress = (): void => {
      const now = Date.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      ctx.options.emit('indexProgress', {
        folderId: folder.id,
        file: log.file,
        bytesIndexed: log.indexedEnd,
        bytesTotal: log.size,
        rows: log.count,
      });
    };
    try {
      await restoreRest(ctx, entry);
      const file = await stat(log.path);
      // A log the first rows were all of (most are small; the HF saver writes one row a file):
      // nothing is left to read, and the follow check after this one reads nothing either.
      const whole = log.indexedEnd === file.size;
      // A file nobody wrote to lately is whole: a last row without line terminator is read too.
      const final = Date.now() - file.mtimeMs > (ctx.options.timing ?? DEFAULT_TIMING).finalQuietMs;
      // The two halves fill one set of shared columns: nothing is copied.
      const oneShot = ctx.options.hostScans === true;
      const added = whole
        ? 0
        : await indexLogParallel(log, ctx.interners(), {
            final,
            onChunk: progress,
            hostScans: oneShot,
            sharedColumns: true,
            ...(worker ? { worker } : {}),
          });
      // What the scan left (the first rows' columns it replaced, the workers' answers) is given
      // back now, before the first sort builds on the index.
      if (added >= LARGE_LOG_ROWS && !oneShot) collectGarbage();
      await rememberTail(log);
      if (whole) seenWhole(log, file);
    } catch (error) {
      const message = `${log.file} was read up to row ${log.count} only: ${messageOf(error)}`;
      ctx.folderProblem(folder, message, log.file);
    } finally {
      worker?.cancel();
    }
    entry.indexed = true;
    folder.applyStore?.(log.file);
    last = 0;
    progress();
    if (!folder.closed) {
      if (announce && log.count > 0) {
        const ids = Array.from({ length: log.count }, (_, row) => sampleId(log.file, row));
        ctx.options.emit('rowsAppended', { folderId: folder.id, file: log.file, ids });
      }
      ctx.changed();
      // Whatever was appended meanwhile, and a last row without terminator.
      entry.follower.changeReported();
      await keepIndex(ctx, entry);
    }
  }

  private async refresh(folder: FolderState, entry: LogEntry, quietSize: number | undefined) {
    const { ctx } = this;
    const { log, overlay } = entry.query;
    if (!entry.indexed) return { pendingTail: false, size: log.size };
    const result = await refreshLog(
      log,
      ctx.interners(),
      () => ctx.reader.shapeOf(folder.root, log.file),
      quietSize,
    );
    ctx.logReadAgain(folder, log.file);
    if (result.reset !== undefined) {
      ctx.engine.forget(entry.query.key);
      overlay.clear();
      folder.applyStore?.(log.file);
      ctx.options.emit('logReset', { folderId: folder.id, file: log.file, reason: result.reset });
      ctx.changed();
    }
    // After a reset the re-read rows are announced too (from row 0), so that every listener (the
    // UI's "N new", `inspect --follow`) learns of them the same way as of appended ones.
    if (log.count > result.firstNew) {
      const ids: string[] = [];
      for (let row = result.firstNew; row < log.count; row++) ids.push(sampleId(log.file, row));
      folder.applyStore?.(log.file, result.firstNew);
      ctx.options.emit('rowsAppended', { folderId: folder.id, file: log.file, ids });
      // The folder's row counts (its chip) changed too.
      ctx.changed();
    }
    return result;
  }

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
   * for every DISCOVER_MS (appends to known logs are found by the polls above either way).
   */
  private watchFailed(folder: FolderState, error: unknown): void {
    if (folder.closed) return;
    this.ctx.folderProblem(folder, watchProblem(error));
    if (folder.discover) return;
    const every = this.ctx.options.discoverMs ?? DISCOVER_MS;
    folder.discover = setInterval(() => void this.discoverLogs(folder), every);
    folder.discover.unref();
  }

  /** Adds the folder's logs not known yet (each once it has a whole first line). */
  private async discoverLogs(folder: FolderState): Promise<void> {
    const files = await this.ctx.reader.findLogs(folder.root).catch(() => [] as string[]);
    for (const file of files) void this.maybeNewLog(folder, file);
  }

  private async watch(folder: FolderState): Promise<void> {
    const { ctx } = this;
    const watch = ctx.options.watchFolder ?? watchFolder;
    const sampleParents = sampleParentsOf(folder.root, folder.logs.keys());
    const watcher = await watch(
      folder.root,
      {
        changed: (file) => {
          const entry = folder.logs.get(file);
          if (entry) entry.follower.changeReported();
          else if (LOG_NAME.test(file)) void this.maybeNewLog(folder, file);
        },
        removed: (file) => {
          folder.unfinishedLogs.delete(file);
          folder.logs.get(file)?.follower.changeReported();
        },
        error: (error) => this.watchFailed(folder, error),
      },
      { sampleParents },
    );
    if (folder.closed) return watcher.close();
    folder.closeWatch = () => watcher.close();
    await this.discoverLogs(folder);
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
      const entry = await this.addLog(folder, file, true);
      if (!entry) return;
      ctx.options.emit('logAdded', { folderId: folder.id, file });
      ctx.changed();
    } finally {
      folder.pending.delete(file);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

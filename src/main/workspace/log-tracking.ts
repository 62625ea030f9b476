// Each log of an open folder indexed in the background (first rows first) and followed while Gradio
// appends: new rows and rewritten logs become events (new logs: folder-following.ts).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LogIndex } from '../log-index/log-index';
import { indexLog } from '../log-index/index-log';
import { indexWithSource } from '../log-index/source-index';
import { wholeJsonlSource } from '../gradio/jsonl-record-source';
import { takeWholeFile, type WholeFile } from '../gradio/whole-file';
import { earlyScanWorker, indexLogParallel } from '../log-index/scan-workers';
import type { ScanThread } from '../log-index/scan-threads';
import { collectGarbage } from '../query/collect-garbage';
import type { QueryLog } from '../query/query-log';
import { ReviewOverlay } from '../query/review-overlay';
import { refreshLog, rememberTail, seenWhole } from '../follow/refresh-log';
import { LogFollower, DEFAULT_TIMING } from '../follow/log-follower';
import { sampleId } from '../../shared/sample-id';
import type { FolderState, LogEntry } from './folder-state';
import { keepIndex, restoreKeptIndex, restoreRest } from './kept-index';
import type { WorkspaceContext } from './workspace-context';

const FIRST_BYTES = 256 * 1024;
/** The bulk index starts this long after the first rows, so the first page is served first. */
const BULK_DELAY_MS = 60;
const PROGRESS_MS = 100;
/** From this many rows indexed at once, a full collection afterwards gives back megabytes. */
const LARGE_LOG_ROWS = 100_000;

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
    // A sample folder's one-row log, read whole for its shape: its rows and tail come from that read.
    const whole = log.source ? takeWholeFile(shape) : undefined;
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
      if (restored.kind !== 'reused') await this.indexFirstRows(log, whole);
    } catch (error) {
      // A worker left booting would keep a one-shot command's process alive.
      worker?.cancel();
      throw error;
    }
    folder.applyStore?.(file);
    entry.indexing = this.indexRest(folder, entry, announce, worker, whole);
    return entry;
  }

  /** The rows of a log's first bytes, from the file its shape's read found whole if there is one. */
  private async indexFirstRows(log: LogIndex, whole: WholeFile | undefined): Promise<void> {
    const { ctx } = this;
    if (whole) await indexWithSource(log, wholeJsonlSource(whole), ctx.interners(), false);
    else
      await indexLog(log, ctx.interners(), {
        final: false,
        until: log.shape.dataStart + (ctx.options.firstBytes ?? FIRST_BYTES),
      });
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

  /**
   * Indexes the rest of a log; `announce`: its rows are new to the UI (a log added while following);
   * `whole`: the file as its shape's read found it, the rows indexed from it.
   */
  private async indexRest(
    folder: FolderState,
    entry: LogEntry,
    announce: boolean,
    worker?: ScanThread,
    whole?: WholeFile,
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
      const file = whole ?? (await stat(log.path));
      // A log the first rows were all of (most are small; the HF saver writes one row a file):
      // nothing is left to read, and the follow check after this one reads nothing either.
      const isWhole = log.indexedEnd === file.size;
      // A file nobody wrote to lately is whole: a last row without line terminator is read too.
      const final = Date.now() - file.mtimeMs > (ctx.options.timing ?? DEFAULT_TIMING).finalQuietMs;
      // The two halves fill one set of shared columns: nothing is copied.
      const oneShot = ctx.options.hostScans === true;
      const added = isWhole
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
      await rememberTail(log, whole?.bytes);
      if (isWhole) seenWhole(log, file);
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
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

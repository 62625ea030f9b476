// Opening and closing folders: each log indexed (log-tracking.ts) and followed
// (folder-following.ts), the folder's review store attached, everything released on close.
import { basename, resolve } from 'node:path';
import type { WorkspaceInfo } from '../../shared/model';
import type { ReviewStore } from '../review/review-store';
import { folderIsReadOnly } from '../review/location';
import { parseSampleId } from '../../shared/sample-id';
import { FolderState } from './folder-state';
import { folderIdOf } from './folder-id';
import { canonicalFolder, logsToOpen } from './logs-to-open';
import { LogTracking } from './log-tracking';
import { FolderFollowing } from './folder-following';
import { keepIndex } from './kept-index';
import { readRecent, rememberRecent } from './recent';
import type { WorkspaceContext } from './workspace-context';
import { createLimiter } from '../platform/limit';

/**
 * Logs of one folder whose shapes and first rows are read at once. All of them at once, for the
 * HF saver's 5,000 sample folders, left every log's background index to start after the last
 * shape: the first page came 0.6 s after the open (2.8 s), where it now follows it (2.1-2.5 s).
 */
const LOGS_OPENED_AT_ONCE = 64;

export class FolderLifecycle {
  private readonly tracking: LogTracking;
  private readonly following: FolderFollowing;

  constructor(private readonly ctx: WorkspaceContext) {
    this.tracking = new LogTracking(ctx);
    this.following = new FolderFollowing(ctx, this.tracking);
  }

  folderRoot(folderId: string): string | undefined {
    return this.ctx.folders.get(folderId)?.root;
  }

  async recent(): Promise<string[]> {
    return readRecent(this.ctx.options.recentFile);
  }

  /**
   * Opens folders (an open one is kept as it is). Resolves once each log's first rows are indexed.
   * A path that cannot be opened leaves no trace (no journal, no Recent entry); the others open,
   * and the call fails with what was wrong with each refused path.
   */
  async open(paths: string[]): Promise<WorkspaceInfo> {
    const { ctx } = this;
    const opened: string[] = [];
    const refusals: unknown[] = [];
    for (const path of paths) {
      try {
        opened.push(await this.openFolder(resolve(path)));
      } catch (error) {
        refusals.push(error);
      }
    }
    if (opened.length > 0) {
      await rememberRecent(ctx.options.recentFile, opened).catch((error: unknown) =>
        ctx.logProblem(String(error)),
      );
      ctx.changed();
    }
    if (refusals.length === 1) throw refusals[0];
    if (refusals.length > 1) throw joinedRefusal(refusals);
    return ctx.info();
  }

  async close(folderId: string): Promise<WorkspaceInfo> {
    const { ctx } = this;
    const folder = ctx.folders.get(folderId);
    if (folder) {
      ctx.folders.delete(folderId);
      await this.closeFolder(folder);
      ctx.changed();
    }
    return ctx.info();
  }

  async dispose(): Promise<void> {
    this.ctx.stopTelling();
    const folders = [...this.ctx.folders.values()];
    this.ctx.folders.clear();
    await Promise.all(folders.map((folder) => this.closeFolder(folder)));
  }

  /** Resolves when every log opened so far is fully indexed. */
  async whenIndexed(): Promise<void> {
    for (const folder of this.ctx.folders.values())
      await Promise.all([...folder.logs.values()].map((e) => e.indexing));
  }

  /** Resolves when no follow check is running and every watcher watches (tests). */
  async whenIdle(): Promise<void> {
    for (const folder of this.ctx.folders.values()) {
      await folder.watching;
      await Promise.all([...folder.logs.values()].map((e) => e.follower.idle()));
    }
  }

  /** Opens one folder; returns its canonical path. Nothing is written before its logs were found. */
  private async openFolder(path: string): Promise<string> {
    const { ctx } = this;
    const root = await canonicalFolder(path);
    const id = folderIdOf(root);
    if (ctx.folders.has(id)) return root;
    const files = await logsToOpen(ctx.reader, root, (log) => ctx.ownerOf(log)?.root);
    const readOnly = await folderIsReadOnly(root);
    const folder = new FolderState(id, root, basename(root), readOnly);
    ctx.folders.set(id, folder);
    try {
      if (ctx.options.reviewStoreFor)
        await this.attachStore(folder, await ctx.options.reviewStoreFor(id, root));
      const limit = createLimiter(LOGS_OPENED_AT_ONCE);
      await Promise.all(files.map((file) => limit(() => this.tracking.addLog(folder, file))));
      // Logs were added as their shapes came in; list them in the reader's order.
      for (const file of files) {
        const entry = folder.logs.get(file);
        if (!entry) continue;
        folder.logs.delete(file);
        folder.logs.set(file, entry);
      }
      if (ctx.options.follow !== false) this.following.follow(folder);
    } catch (error) {
      ctx.folders.delete(id);
      await this.closeFolder(folder);
      throw error;
    }
    return root;
  }

  private async attachStore(folder: FolderState, store: ReviewStore): Promise<void> {
    folder.store = store;
    const apply = (ids: Iterable<string>): void => {
      for (const id of ids) {
        const parsed = parseSampleId(id);
        const entry = parsed && folder.logs.get(parsed.file);
        if (parsed && entry)
          entry.query.overlay.set(parsed.row, store.get(id, folder.hashes.get(id)), this.ctx.reasons);
      }
    };
    // The journal's ids by log, made when first needed and again after the journal changed: a
    // folder of 5,000 one-row logs (the HF saver's sample folders) looked through every id for
    // each log indexed.
    let byLog: Map<string, { id: string; row: number }[]> | undefined;
    folder.stopStore = store.onChange((ids) => {
      byLog = undefined;
      apply(ids);
    });
    folder.applyStore = (file, fromRow = 0) => {
      byLog ??= idsByLog(store.ids());
      apply((byLog.get(file) ?? []).filter(({ row }) => row >= fromRow).map(({ id }) => id));
    };
  }

  private async closeFolder(folder: FolderState): Promise<void> {
    folder.closed = true;
    if (folder.poll) clearInterval(folder.poll);
    if (folder.discover) clearTimeout(folder.discover);
    if (folder.rediscover) clearTimeout(folder.rediscover);
    for (const entry of folder.logs.values()) {
      entry.follower.close();
      this.ctx.engine.forget(entry.query.key);
    }
    folder.stopStore?.();
    await this.ctx.options.releaseStoreFor?.(folder.id);
    await folder.watching;
    await folder.closeWatch?.();
    await Promise.all([...folder.logs.values()].map((e) => e.indexing.catch(() => undefined)));
    // Rows appended while the folder was open are kept for the next open.
    for (const entry of folder.logs.values()) if (entry.indexed) await keepIndex(this.ctx, entry);
  }
}

/** Several refused paths: one error of the first one's kind, listing every message. */
function joinedRefusal(refusals: unknown[]): unknown {
  const [first] = refusals;
  if (!(first instanceof Error)) return first;
  first.message = refusals.map((e) => (e instanceof Error ? e.message : String(e))).join('; ');
  return first;
}

/** Sample ids by the log they name, with their rows. */
function idsByLog(ids: Iterable<string>): Map<string, { id: string; row: number }[]> {
  const byLog = new Map<string, { id: string; row: number }[]>();
  for (const id of ids) {
    const parsed = parseSampleId(id);
    if (!parsed) continue;
    let ofLog = byLog.get(parsed.file);
    if (!ofLog) byLog.set(parsed.file, (ofLog = []));
    ofLog.push({ id, row: parsed.row });
  }
  return byLog;
}

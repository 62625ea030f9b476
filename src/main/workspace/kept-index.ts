// The workspace's use of persisted indexes: a log opens from its index when that still holds, and
// its index is written again once it has rows the file on disk does not (after the first full
// index, and at close after appends). Without `indexCache` in the options nothing is read or written.
import { stat } from 'node:fs/promises';
import type { LogIndex } from '../log-index/log-index';
import { persistIndex, restoreIndex, type Restored } from '../log-index/persisted-index';
import type { LogEntry } from './folder-state';
import type { WorkspaceContext } from './workspace-context';

/** Fills a new log from its persisted index; a log that changed under it gets a warning saying so. */
export async function restoreKeptIndex(ctx: WorkspaceContext, log: LogIndex): Promise<Restored> {
  const cache = ctx.options.indexCache;
  if (!cache) return { kind: 'none' };
  try {
    const restored = await restoreIndex(log, ctx.interners(), cache, (await stat(log.path)).size);
    if (restored.kind === 'stale')
      log.shape = { ...log.shape, warnings: [...log.shape.warnings, `indexed again: ${restored.reason}`] };
    if (restored.kind === 'ignored') ctx.logProblem(`${log.path}: index file ignored: ${restored.reason}`);
    return restored;
  } catch (error) {
    ctx.logProblem(`${log.path}: index file not read: ${String(error)}`);
    return { kind: 'none' };
  }
}

/** Writes the log's index when it holds more than the persisted one. */
export async function keepIndex(ctx: WorkspaceContext, entry: LogEntry): Promise<void> {
  const cache = ctx.options.indexCache;
  const { log } = entry.query;
  if (!cache || entry.keptEnd === log.indexedEnd) return;
  try {
    await persistIndex(log, ctx.interners(), cache);
    entry.keptEnd = log.indexedEnd;
  } catch (error) {
    ctx.logProblem(`${log.path}: index file not written: ${String(error)}`);
  }
}

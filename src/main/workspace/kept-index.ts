// The workspace's use of persisted indexes: a log opens from its index when that still holds, and
// its index is written again once it has rows the file on disk does not (after the first full
// index, and at close after appends). Without `indexCache` in the options nothing is read or written.
import { stat } from 'node:fs/promises';
import { persistIndex, restoreIndexStart, type Restored } from '../log-index/persisted-index';
import type { LogEntry } from './folder-state';
import type { WorkspaceContext } from './workspace-context';

/**
 * Fills a new log from its persisted index (the rows of its first block at once, enough for a first
 * page); a log that changed under it gets a warning saying so. For a longer log, `entry.restoreRest`
 * takes the rest of the index later (restoreRest below).
 */
export async function restoreKeptIndex(ctx: WorkspaceContext, entry: LogEntry): Promise<Restored> {
  const cache = ctx.options.indexCache;
  const { log } = entry.query;
  if (!cache) return { kind: 'none' };
  try {
    const size = (await stat(log.path)).size;
    const { restored, rest } = await restoreIndexStart(log, ctx.interners(), cache, size);
    if (restored.kind === 'stale')
      log.shape = { ...log.shape, warnings: [...log.shape.warnings, `indexed again: ${restored.reason}`] };
    if (restored.kind === 'ignored') ctx.logProblem(`${log.path}: index file ignored: ${restored.reason}`);
    if (restored.kind === 'reused' && !rest) entry.keptEnd = log.indexedEnd;
    entry.restoreRest = rest;
    return restored;
  } catch (error) {
    ctx.logProblem(`${log.path}: index file not read: ${String(error)}`);
    return { kind: 'none' };
  }
}

/** Takes the rest of a log's persisted index (before the log is read on from where it ends). */
export async function restoreRest(ctx: WorkspaceContext, entry: LogEntry): Promise<void> {
  const { restoreRest: rest } = entry;
  if (!rest) return;
  entry.restoreRest = undefined;
  const { log } = entry.query;
  try {
    const restored = await rest();
    if (restored.kind === 'reused') entry.keptEnd = log.indexedEnd;
    // The rows checked at the open stay; the others are read from the log.
    else if (restored.kind === 'ignored')
      ctx.logProblem(`${log.path}: index file ignored past its first rows: ${restored.reason}`);
  } catch (error) {
    ctx.logProblem(`${log.path}: index file not read past its first rows: ${String(error)}`);
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

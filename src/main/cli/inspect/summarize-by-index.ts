// A LogSummarizer for `flagdeck inspect` that goes through the index for large logs.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FolderListing } from '../../gradio/folder-listing';
import type { LogShape } from '../../gradio/log-model';
import { Interner } from '../../log-index/intern';
import type { OnProgress } from '../../log-index/index-folder';
import type { IndexCacheOptions } from '../../log-index/persisted-index';
import { AssetCensus } from './asset-census';
import { summarizeByReading, type LogSummarizer } from './inspect-folder';

/** Logs from this size on are summarized from the index (smaller ones are simply read). */
export const LARGE_LOG_BYTES = 8 * 1024 * 1024;

/**
 * inspectFolder's per-log work through the index for large logs (reused from, and left in, the
 * persisted index when `cache` is given): exact rows and record errors, and every asset reference
 * of every row (collected by the same scan). Small logs are read as before.
 */
export function summarizeByIndex(
  onProgress?: OnProgress,
  cache?: IndexCacheOptions,
  notice: (message: string) => void = () => undefined,
): LogSummarizer {
  const interners = { reasons: new Interner(), usernames: new Interner() };
  const listings = new Map<string, Promise<FolderListing>>();
  const listingOf = (root: string): Promise<FolderListing> => {
    let listing = listings.get(root);
    if (!listing) listings.set(root, (listing = FolderListing.of(root)));
    return listing;
  };
  return async (reader, root, file) => {
    const size = (await stat(join(root, file))).size;
    if (size < LARGE_LOG_BYTES) return summarizeByReading(reader, root, file);
    const shape = await reader.shapeOf(root, file);
    if (shape.dialect.format === 'jsonl') return summarizeByReading(reader, root, file);
    // Loaded here, not up front: a folder of small logs never pays for the index's modules.
    const { indexOneLogCached } = await import('../../log-index/index-folder');
    const census = new AssetCensus(shape.columns, await listingOf(root), shape.dialect);
    const indexed = await indexOneLogCached(root, shape, interners, onProgress, cache, census.collector());
    const { log, restored, notKept } = indexed;
    if (notKept) notice(`${file}: the index could not be kept: ${notKept}`);
    if (restored.kind === 'stale') notice(`${file}: indexed again: ${restored.reason}`);
    if (restored.kind === 'ignored')
      notice(`${file}: the index file was ignored and rebuilt: ${restored.reason}`);
    // Rows restored from the persisted index were not scanned, so their cells were not collected:
    // the asset count needs one scan of the whole log all the same.
    const counted = restored.kind === 'reused' ? await recount(root, shape, listingOf, onProgress) : census;
    const warnings = [...shape.warnings];
    const errors = [...shape.issues, ...log.errors];
    return {
      report: {
        file,
        layout: shape.layout,
        rows: log.count,
        columns: shape.columns.map(({ name, kind }) => ({ name, kind })),
        errors: errors.map(({ line, message }) => ({ line, message })),
      },
      warnings,
      assets: await counted.assets(reader, { root, logDir: dirname(log.path) }),
      settledMissing: counted.settledMissing(),
    };
  };
}

async function recount(
  root: string,
  shape: LogShape,
  listingOf: (root: string) => Promise<FolderListing>,
  onProgress?: OnProgress,
): Promise<AssetCensus> {
  const { indexOneLog } = await import('../../log-index/index-folder');
  const census = new AssetCensus(shape.columns, await listingOf(root), shape.dialect);
  const interners = { reasons: new Interner(), usernames: new Interner() };
  await indexOneLog(root, shape, interners, onProgress, census.collector());
  return census;
}

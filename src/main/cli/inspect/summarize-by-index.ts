// A LogSummarizer for `flagdeck inspect` that goes through the index for large logs.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AssetRef, Column } from '../../../shared/model';
import { FolderReader } from '../../gradio/reader';
import { Interner } from '../../log-index/intern';
import { indexOneLogCached, type OnProgress } from '../../log-index/index-folder';
import type { IndexCacheOptions } from '../../log-index/persisted-index';
import type { LogIndex } from '../../log-index/log-index';
import { readRecords } from '../../log-index/read-records';
import { summarizeByReading, type LogSummarizer } from './inspect-folder';

/** Logs from this size on are summarized from the index (smaller ones are simply read). */
export const LARGE_LOG_BYTES = 8 * 1024 * 1024;
/** In a large log, assets are checked on this many rows at its start and as many at its end. */
export const ASSET_PROBE_ROWS = 250;

function probedRows(count: number): number[] {
  if (count <= 2 * ASSET_PROBE_ROWS) return Array.from({ length: count }, (_, row) => row);
  const head = Array.from({ length: ASSET_PROBE_ROWS }, (_, row) => row);
  return [...head, ...head.map((row) => count - ASSET_PROBE_ROWS + row)];
}

const FILE_KINDS = new Set([
  'image',
  'audio',
  'video',
  'file',
  'gallery',
  'model3d',
  'json',
  'label',
  'chat',
  'dataframe',
]);

async function probedAssets(reader: FolderReader, root: string, log: LogIndex): Promise<AssetRef[]> {
  const rows = probedRows(log.count);
  const records = await readRecords(log, rows);
  const context = { root, logDir: dirname(log.path) };
  const columns: Column[] = log.shape.columns;
  const assets: AssetRef[] = [];
  for (const record of records) {
    for (let index = 0; index < record.cells.length; index++) {
      const column = columns[index];
      if (!column || !FILE_KINDS.has(column.kind) || record.cells[index] === '') continue;
      assets.push(...(await reader.decodeCell(record.cells[index], column, context)).assets);
    }
  }
  return assets;
}

/**
 * inspectFolder's per-log work through the index for large logs (reused from, and left in, the
 * persisted index when `cache` is given): exact rows and record errors,
 * assets checked on the first and last rows (said in a warning). Small logs are read as before.
 */
export function summarizeByIndex(
  onProgress?: OnProgress,
  cache?: IndexCacheOptions,
  notice: (message: string) => void = () => undefined,
): LogSummarizer {
  const interners = { reasons: new Interner(), usernames: new Interner() };
  return async (reader, root, file) => {
    const size = (await stat(join(root, file))).size;
    if (size < LARGE_LOG_BYTES) return summarizeByReading(reader, root, file);
    const shape = await reader.shapeOf(root, file);
    if (shape.dialect.format === 'jsonl') return summarizeByReading(reader, root, file);
    const { log, restored, notKept } = await indexOneLogCached(root, shape, interners, onProgress, cache);
    if (notKept) notice(`${file}: the index could not be kept: ${notKept}`);
    if (restored.kind === 'stale') notice(`${file}: indexed again: ${restored.reason}`);
    if (restored.kind === 'ignored')
      notice(`${file}: the index file was ignored and rebuilt: ${restored.reason}`);
    const warnings = [...shape.warnings];
    if (log.count > 2 * ASSET_PROBE_ROWS) {
      warnings.push(`assets checked on the first and last ${ASSET_PROBE_ROWS} of ${log.count} rows`);
    }
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
      assets: await probedAssets(reader, root, log),
    };
  };
}

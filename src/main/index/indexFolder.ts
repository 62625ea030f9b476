// The index for `flagdeck inspect`: every log of a folder indexed (on two cores when large), with
// progress, and a LogSummarizer the reader's inspectFolder can use for large logs.
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AssetRef, Column } from '../../shared/model';
import type { GradioReader, LogShape } from '../gradio/contracts';
import { summarizeByReading, type LogSummarizer } from '../gradio/inspectFolder';
import { FolderReader } from '../gradio/reader';
import { ReaderRecordSource } from '../gradio/recordSource';
import type { Dictionaries } from './applyScan';
import { Interner } from './intern';
import { indexLog } from './indexLog';
import { LogIndex } from './logIndex';
import { readRecords } from './readRecords';
import { indexLogParallel, lastSplitOf } from './scanWorkers';

export { lastSplitOf };

/** Logs from this size on are summarized from the index (smaller ones are simply read). */
export const LARGE_LOG_BYTES = 8 * 1024 * 1024;
/** In a large log, assets are checked on this many rows at its start and as many at its end. */
export const ASSET_SAMPLE_ROWS = 250;

export type OnProgress = (file: string, bytesIndexed: number, bytesTotal: number, rows: number) => void;

/** Indexes one log of a folder to its end (a last row without terminator included). */
export async function indexOneLog(
  root: string,
  shape: LogShape,
  dictionaries: Dictionaries,
  onProgress?: OnProgress,
): Promise<LogIndex> {
  const log = new LogIndex(join(root, shape.file), shape);
  if (shape.dialect.format === 'jsonl') log.source = new ReaderRecordSource();
  const report = (): void => onProgress?.(shape.file, log.indexedEnd, log.size, log.count);
  await indexLogParallel(log, dictionaries, { final: true, onChunk: report });
  // Whatever was appended while the workers ran.
  await indexLog(log, dictionaries, { final: true, onChunk: report });
  report();
  return log;
}

/** Every log of `root` indexed. */
export async function indexFolder(
  root: string,
  options: { onProgress?: OnProgress; reader?: GradioReader } = {},
): Promise<LogIndex[]> {
  const reader = options.reader ?? new FolderReader();
  const folder = resolve(root);
  const dictionaries = { reasons: new Interner(), usernames: new Interner() };
  const logs: LogIndex[] = [];
  for (const file of await reader.findLogs(folder)) {
    const shape = await reader.shapeOf(folder, file);
    logs.push(await indexOneLog(folder, shape, dictionaries, options.onProgress));
  }
  return logs;
}

function sampleRows(count: number): number[] {
  if (count <= 2 * ASSET_SAMPLE_ROWS) return Array.from({ length: count }, (_, row) => row);
  const head = Array.from({ length: ASSET_SAMPLE_ROWS }, (_, row) => row);
  return [...head, ...head.map((row) => count - ASSET_SAMPLE_ROWS + row)];
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

async function sampledAssets(reader: FolderReader, root: string, log: LogIndex): Promise<AssetRef[]> {
  const rows = sampleRows(log.count);
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
 * inspectFolder's per-log work through the index for large logs: exact rows and record errors,
 * assets checked on a sample of rows (said in a warning). Small logs are read as before.
 */
export function summarizeByIndex(onProgress?: OnProgress): LogSummarizer {
  const dictionaries = { reasons: new Interner(), usernames: new Interner() };
  return async (reader, root, file) => {
    const size = (await stat(join(root, file))).size;
    if (size < LARGE_LOG_BYTES) return summarizeByReading(reader, root, file);
    const shape = await reader.shapeOf(root, file);
    if (shape.dialect.format === 'jsonl') return summarizeByReading(reader, root, file);
    const log = await indexOneLog(root, shape, dictionaries, onProgress);
    const warnings = [...shape.warnings];
    if (log.count > 2 * ASSET_SAMPLE_ROWS) {
      warnings.push(`assets checked on the first and last ${ASSET_SAMPLE_ROWS} of ${log.count} rows`);
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
      assets: await sampledAssets(reader, root, log),
    };
  };
}

/** A progress line for a terminal: rewritten in place, cleared at the end. */
export function ttyProgress(stream: NodeJS.WriteStream): { onProgress: OnProgress; done(): void } {
  let shown = false;
  let last = 0;
  return {
    onProgress(file, bytesIndexed, bytesTotal, rows) {
      const now = Date.now();
      if (!stream.isTTY || now - last < 100) return;
      last = now;
      const percent = bytesTotal > 0 ? Math.floor((100 * bytesIndexed) / bytesTotal) : 100;
      stream.write(`\r\x1b[Kindexing ${file}: ${percent}% (${rows.toLocaleString('en')} rows)`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

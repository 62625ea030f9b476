// Every log of a folder indexed (on two cores when large), with progress.
import { join, resolve } from 'node:path';
import type { GradioReader, LogShape } from '../gradio/log-model';
import { FolderReader } from '../gradio/reader';
import { ReaderRecordSource } from '../gradio/record-source';
import type { SharedInterners } from './apply-scan';
import type { AssetCellsCollector } from '../scan/scan-job';
import { Interner } from './intern';
import { indexLog } from './index-log';
import { LogIndex } from './log-index';
import { indexLogParallel, lastSplitOf } from './scan-workers';

export { lastSplitOf };

export type OnProgress = (file: string, bytesIndexed: number, bytesTotal: number, rows: number) => void;

/** Indexes one log of a folder to its end (a last row without terminator included). */
export async function indexOneLog(
  root: string,
  shape: LogShape,
  interners: SharedInterners,
  onProgress?: OnProgress,
  assets?: AssetCellsCollector,
): Promise<LogIndex> {
  const log = new LogIndex(join(root, shape.file), shape);
  if (shape.dialect.format === 'jsonl') log.source = new ReaderRecordSource();
  const report = (): void => onProgress?.(shape.file, log.indexedEnd, log.size, log.count);
  await indexLogParallel(log, interners, { final: true, onChunk: report, assets });
  // Whatever was appended while the workers ran.
  await indexLog(log, interners, { final: true, onChunk: report, assets });
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
  const interners = { reasons: new Interner(), usernames: new Interner() };
  const logs: LogIndex[] = [];
  for (const file of await reader.findLogs(folder)) {
    const shape = await reader.shapeOf(folder, file);
    logs.push(await indexOneLog(folder, shape, interners, options.onProgress));
  }
  return logs;
}

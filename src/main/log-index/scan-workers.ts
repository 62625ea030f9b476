// Indexes a large log on two cores: the file is cut near its middle, each half is scanned by a
// worker thread, and the cut is kept only if the first half's scan ends exactly on it (then it is a
// record boundary whatever the quoting). Otherwise the rest is scanned again from where the first
// half really ended: correctness first.
import { roleCell } from '../gradio/role-cells';
import { newlineByte, type NewlineByte } from '../gradio/line-end';
import { open } from 'node:fs/promises';
import { delimiterLength, FieldBounds, scanCsv } from '../scan/csv-scan';
import { fieldBytes } from '../scan/csv-field';
import { digits, timestampFromBytes } from '../scan/timestamp-key';
import { assetCellsCollector, refHash } from '../scan/asset-cells';
import { recordAuditor } from '../scan/record-audit';
import {
  scanRange,
  type AssetCellsCollector,
  type RecordAuditCollector,
  type ScanJob,
  type ScanResult,
} from '../scan/scan-job';
import { applyScan, type SharedInterners } from './apply-scan';
import type { LogIndex } from './log-index';
import { indexLog } from './index-log';
import { COLUMN_NAMES, sharedColumns, viewsOf } from './shared-columns';
import { holdAroundWorker, WORKER_RESOURCE_LIMITS } from '../platform/young-generation';

/** Below this many bytes one thread is quicker than starting workers. */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
const PROBE_BYTES = 256 * 1024;
const SAMPLE_BYTES = 256 * 1024;
/** Each scan's read size: 1 MiB reads are as quick as 4 MiB ones, and two threads hold 6 MiB less. */
const READ_BYTES = 1024 * 1024;
const TIMESTAMP = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?`;
/** A line that ends with a timestamp, by the log's newline byte (line-end.ts). */
const TIMESTAMP_LINE_END = {
  10: new RegExp(`${TIMESTAMP}\\r?\\n`, 'g'),
  13: new RegExp(`${TIMESTAMP}\\r`, 'g'),
};

let source: string | undefined;

/** The worker's program: the scanner's own functions as source text (one implementation). */
function workerSource(): string {
  source ??= [
    "const { parentPort } = require('node:worker_threads');",
    "const { openSync, readSync, closeSync } = require('node:fs');",
    "const { isUtf8 } = require('node:buffer');",
    ...[
      delimiterLength,
      scanCsv,
      fieldBytes,
      digits,
      timestampFromBytes,
      roleCell,
      scanRange,
      assetCellsCollector,
      refHash,
      recordAuditor,
    ].map(String),
    `const Bounds = ${String(FieldBounds)};`,
    `const helpers = { scanCsv: ${scanCsv.name}, FieldBounds: Bounds, fieldBytes: ${fieldBytes.name},`,
    `  timestampFromBytes: ${timestampFromBytes.name}, roleCell: ${roleCell.name}, readSync,`,
    `  assetCellsCollector: ${assetCellsCollector.name}, refHash: ${refHash.name},`,
    `  recordAuditor: ${recordAuditor.name}, isUtf8 };`,
    'parentPort.on("message", (job) => {',
    '  const fd = openSync(job.path, "r");',
    `  try { const r = ${scanRange.name}({ ...job, fd }, helpers);`,
    // Its own columns are transferred; shared ones (ScanJob.into) are already the caller's.
    '    const own = [r.starts, r.lengths, r.lines, r.reasons, r.usernames, r.timestamps].map((a) => a.buffer);',
    '    if (r.assetCells) own.push(r.assetCells.missing.buffer);',
    '    parentPort.postMessage(r, own.filter((b) => !(b instanceof SharedArrayBuffer)));',
    '  } catch (error) { parentPort.postMessage({ error: String(error && error.stack || error) }); }',
    '  finally { closeSync(fd); }',
    '});',
  ].join('\n');
  return source;
}

/** Whether worker threads can run the scanner here (not when the sources are not plain JS). */
export function workersAvailable(): boolean {
  try {
    new Function(workerSource());
    return true;
  } catch {
    return false;
  }
}

async function runInWorker(path: string, job: Omit<ScanJob, 'fd'>): Promise<ScanResult> {
  // Loaded for large logs only: small folders open without it.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    // Scanning a half in the main thread instead, whose young generation is not bounded this way,
    // peaked ~6 MB higher than a second worker.
    const worker = new Worker(workerSource(), { eval: true, resourceLimits: WORKER_RESOURCE_LIMITS });
    holdAroundWorker(worker);
    worker.once('message', (message: ScanResult | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
    worker.postMessage({ ...job, path });
  });
}

/** A likely record boundary near `offset`: just after a line that ends with a timestamp. */
async function cutNear(
  path: string,
  offset: number,
  end: number,
  newline: NewlineByte,
): Promise<number | null> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(PROBE_BYTES, end - offset));
    const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
    const text = buf.toString('latin1', 0, bytesRead);
    const lineEnd = TIMESTAMP_LINE_END[newline];
    lineEnd.lastIndex = 0;
    const match = lineEnd.exec(text);
    if (match) return offset + match.index + match[0].length;
    const at = text.indexOf(String.fromCharCode(newline));
    return at >= 0 ? offset + at + 1 : null;
  } finally {
    await handle.close();
  }
}

export interface ParallelPass {
  final: boolean;
  /** Use worker threads from this many bytes on (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
  onChunk?: (log: LogIndex) => void | Promise<void>;
  /** Collect the cells of these columns too (`flagdeck inspect`). */
  assets?: AssetCellsCollector;
  /** Audit the records too (`flagdeck inspect`). */
  audit?: RecordAuditCollector;
  /**
   * A fresh log's two workers fill one set of shared columns (shared-columns.ts): the second
   * half's rows are neither transferred as columns of their own nor copied into the first's. For
   * the CLI; the app's queries have not been measured on shared columns yet.
   */
  sharedColumns?: boolean;
}

/** How the last parallel pass went (for benches and tests). */
export let lastSplit: 'one thread' | 'two workers' | 'cut rejected' = 'one thread';
export const lastSplitOf = (): typeof lastSplit => lastSplit;

/** Indexes the log from `log.indexedEnd` to its end, on two worker threads when it is large. */
export async function indexLogParallel(
  log: LogIndex,
  interners: SharedInterners,
  pass: ParallelPass,
): Promise<number> {
  const before = log.count;
  lastSplit = 'one thread';
  const handle = await open(log.path, 'r');
  const size = (await handle.stat()).size;
  await handle.close();
  const from = log.indexedEnd;
  log.size = size;
  const cut =
    !log.source && size - from >= (pass.minBytes ?? PARALLEL_MIN_BYTES) && workersAvailable()
      ? await cutNear(log.path, from + Math.floor((size - from) / 2), size, newlineByte(log.shape.dialect))
      : null;
  if (cut === null || cut >= size) return indexLog(log, interners, pass);
  // A first slice in this thread tells the average row size, to size the columns once. A fresh log
  // is then scanned from its data start by the first worker, whose columns it adopts (no copy).
  const fresh = log.count === 0 && from === log.shape.dataStart;
  const startState = log.scanState;
  if (log.count === 0) {
    const sample = Math.min(SAMPLE_BYTES, Math.floor((cut - from) / 8));
    // A fresh log's first worker scans the sample's bytes again: their audit would count twice.
    const audit = fresh ? undefined : pass.audit;
    await indexLog(log, interners, { final: false, until: from + sample, assets: pass.assets, audit });
  }
  const quote = log.shape.dialect.quote.charCodeAt(0);
  // Size the columns from the rows seen so far, with some slack.
  const bytesPerRow = log.count > 0 ? (log.indexedEnd - log.shape.dataStart) / log.count : 0;
  const expected = bytesPerRow > 0 ? Math.ceil(((size - from) / bytesPerRow) * 1.05) : 0;
  if (expected > 0 && !fresh) log.reserve(log.count + expected);
  const half = Math.ceil(expected / 2);
  // Shared columns: the second worker fills them from where the first's rows should end; its rows
  // are then moved down to where they really end (one set of columns, none crosses threads).
  const secondRows = Math.ceil(((size - cut) / bytesPerRow) * 1.05);
  const shared =
    fresh && pass.sharedColumns === true && expected > secondRows ? sharedColumns(expected) : undefined;
  const common = {
    quote,
    newline: newlineByte(log.shape.dialect),
    roles: log.shape.roles,
    chunkBytes: READ_BYTES,
    expectedRows: half,
    ...(pass.assets ? { assets: pass.assets.job } : {}),
    ...(pass.audit ? { audit: pass.audit.job } : {}),
  };
  const gap = expected - secondRows;
  const [first, second] = await Promise.all([
    runInWorker(log.path, {
      ...common,
      ...(fresh
        ? { from, state: startState, expectedRows: expected }
        : { from: log.indexedEnd, state: log.scanState }),
      ...(shared ? { into: { buffers: shared, at: 0, room: gap } } : {}),
      to: cut,
      final: false,
    }),
    runInWorker(log.path, {
      ...common,
      ...(shared ? { into: { buffers: shared, at: gap, room: secondRows } } : {}),
      from: cut,
      to: size,
      final: pass.final,
      state: { line: 0 },
    }),
  ]);
  const firstRow = fresh ? 0 : log.count;
  const firstShared = shared !== undefined && first.filledInto;
  applyScan(
    log,
    firstShared ? { ...first, ...viewsOf(shared) } : first,
    interners,
    0,
    fresh ? 'adopt' : 'append',
  );
  if (first.assetCells) pass.assets?.take(first.assetCells);
  if (first.audit) pass.audit?.take(first.audit, firstRow, 0);
  lastSplit = first.end === cut ? 'two workers' : 'cut rejected';
  if (first.end === cut) {
    const secondRow = log.count;
    if (firstShared && second.filledInto) {
      const views = viewsOf(shared);
      for (const name of COLUMN_NAMES) views[name].copyWithin(secondRow, gap, gap + second.count);
      applyScan(log, second, interners, first.state.line, 'inPlace');
    } else applyScan(log, second, interners, first.state.line);
    if (second.assetCells) pass.assets?.take(second.assetCells);
    if (second.audit) pass.audit?.take(second.audit, secondRow, first.state.line);
    log.size = size;
    if (pass.onChunk) await pass.onChunk(log);
  } else {
    if (pass.onChunk) await pass.onChunk(log);
    await indexLog(log, interners, { ...pass, until: size });
  }
  return log.count - before;
}

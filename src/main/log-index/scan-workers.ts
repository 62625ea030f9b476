// Indexes a large log on two cores: the file is cut near its middle, each half is scanned by a
// thread of its own (scan-threads.ts: two workers in the app, this thread and a worker in one-shot
// commands), and the cut is kept only if the first half's scan ends exactly on it (then it is a
// record boundary whatever the quoting). Otherwise the rest is scanned again from where the first
// half really ended: correctness first.
import { newlineByte, type NewlineByte } from '../gradio/line-end';
import { open } from 'node:fs/promises';
import type { ScanState } from '../scan/csv-scan';
import type { AssetCellsCollector, RecordAuditCollector, ScanJob, ScanResult } from '../scan/scan-job';
import { applyScan, type SharedInterners } from './apply-scan';
import type { LogIndex } from './log-index';
import { indexLog } from './index-log';
import { COLUMN_NAMES, sharedColumns, viewsOf } from './shared-columns';
import { startScanWorker, thisThread, workersAvailable } from './scan-threads';

/** Below this many bytes one thread is quicker than starting workers. */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
const PROBE_BYTES = 256 * 1024;
const SAMPLE_BYTES = 256 * 1024;
/**
 * How much more this thread scans than the worker beside it (hostScans): the worker boots while
 * this thread reads the sample, and then starts with cold code. Measured on a 100k-row log (27 MB):
 * with even halves the worker finished 25-60 ms after this thread.
 */
const HOST_LEAD_BYTES = 1024 * 1024;
/** Each scan's read size: 1 MiB reads are as quick as 4 MiB ones, and two threads hold 6 MiB less. */
const READ_BYTES = 1024 * 1024;
const TIMESTAMP = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?`;
/** A line that ends with a timestamp, by the log's newline byte (line-end.ts). */
const TIMESTAMP_LINE_END = {
  10: new RegExp(`${TIMESTAMP}\\r?\\n`, 'g'),
  13: new RegExp(`${TIMESTAMP}\\r`, 'g'),
};

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
   * A fresh log's two halves fill one set of shared columns (shared-columns.ts): the second
   * half's rows are neither transferred as columns of their own nor copied into the first's.
   */
  sharedColumns?: boolean;
  /**
   * Scan the first half in this thread, not in a worker: for one-shot commands, whose thread
   * waits for the index anyway. The app's main thread keeps serving pages while workers scan.
   */
  hostScans?: boolean;
}

/** The most bytes of rows already indexed that a pass filling shared columns scans again. */
const RESCAN_MAX_BYTES = 1024 * 1024;

/** How the last parallel pass went (for benches and tests). */
export let lastSplit: 'one thread' | 'two workers' | 'this thread and a worker' | 'cut rejected' =
  'one thread';
export const lastSplitOf = (): typeof lastSplit => lastSplit;

/** The two halves' jobs, and where the second's rows sit in shared columns (if any). */
interface Halves {
  first: Omit<ScanJob, 'fd'>;
  second: Omit<ScanJob, 'fd'>;
  shared?: ReturnType<typeof sharedColumns>;
  /** First row of the second half's room in the shared columns. */
  gap: number;
}

/**
 * Sizes the columns from the rows indexed so far (a sample), with some slack, and cuts the work at
 * `cut`. A fresh log's first half is scanned from its data start again: its result is adopted as
 * the log's columns (no copy).
 */
function planHalves(
  log: LogIndex,
  pass: ParallelPass,
  { from, cut, size }: { from: number; cut: number; size: number },
  fresh: { state: ScanState } | null,
): Halves {
  const bytesPerRow = log.count > 0 ? (log.indexedEnd - log.shape.dataStart) / log.count : 0;
  const expected = bytesPerRow > 0 ? Math.ceil(((size - from) / bytesPerRow) * 1.05) : 0;
  if (expected > 0 && !fresh) log.reserve(log.count + expected);
  // Shared columns: the second half fills them from where the first's rows should end; its rows
  // are then moved down to where they really end (one set of columns, none crosses threads).
  const secondRows = Math.ceil(((size - cut) / bytesPerRow) * 1.05);
  const shared =
    fresh && pass.sharedColumns === true && expected > secondRows ? sharedColumns(expected) : undefined;
  const gap = expected - secondRows;
  const common = {
    quote: log.shape.dialect.quote.charCodeAt(0),
    newline: newlineByte(log.shape.dialect),
    roles: log.shape.roles,
    chunkBytes: READ_BYTES,
    expectedRows: Math.ceil(expected / 2),
    ...(pass.assets ? { assets: pass.assets.job } : {}),
    ...(pass.audit ? { audit: pass.audit.job } : {}),
  };
  const first = {
    ...common,
    ...(fresh
      ? { from, state: fresh.state, expectedRows: expected }
      : { from: log.indexedEnd, state: log.scanState }),
    ...(shared ? { into: { buffers: shared, at: 0, room: gap } } : {}),
    to: cut,
    final: false,
  };
  const second = {
    ...common,
    ...(shared ? { into: { buffers: shared, at: gap, room: secondRows } } : {}),
    from: cut,
    to: size,
    final: pass.final,
    state: { line: 0 },
  };
  return { first, second, ...(shared ? { shared } : {}), gap };
}

/** Indexes the log from `log.indexedEnd` to its end, on two threads when it is large. */
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
  // A log whose first rows were read for a first page (the app's) is scanned again from its data
  // start when the rest is to fill shared columns: those rows are read twice, the others are then
  // neither transferred from a worker nor copied into the log's columns, 32 MB of garbage over a
  // million rows, which glibc kept after V8 freed it. Rows restored from a persisted index, or
  // indexed before an append, are many: they are kept.
  const again =
    pass.sharedColumns === true &&
    log.count > 0 &&
    !log.source &&
    log.indexedEnd - log.shape.dataStart <= RESCAN_MAX_BYTES;
  const from = again ? log.shape.dataStart : log.indexedEnd;
  log.size = size;
  const lead = pass.hostScans === true ? Math.min(HOST_LEAD_BYTES, Math.floor((size - from) / 8)) : 0;
  const cut =
    !log.source && size - from >= (pass.minBytes ?? PARALLEL_MIN_BYTES) && workersAvailable()
      ? await cutNear(
          log.path,
          from + Math.floor((size - from) / 2) + lead,
          size,
          newlineByte(log.shape.dialect),
        )
      : null;
  if (cut === null || cut >= size) return indexLog(log, interners, pass);
  // A first slice in this thread tells the average row size, to size the columns once.
  const fresh =
    again || (log.count === 0 && from === log.shape.dataStart)
      ? { state: again ? { line: log.shape.dataLine } : log.scanState }
      : null;
  // The second half's worker boots while this thread reads the sample.
  const secondThread = startScanWorker(log.path);
  let halves: Halves;
  try {
    if (log.count === 0) {
      const sample = Math.min(SAMPLE_BYTES, Math.floor((cut - from) / 8));
      // A fresh log's first half scans the sample's bytes again: their audit would count twice.
      const audit = fresh !== null ? undefined : pass.audit;
      await indexLog(log, interners, { final: false, until: from + sample, assets: pass.assets, audit });
    }
    halves = planHalves(log, pass, { from, cut, size }, fresh);
  } catch (error) {
    secondThread.cancel();
    throw error;
  }
  const secondDone = secondThread.run(halves.second);
  const firstThread = pass.hostScans === true ? thisThread(log.path) : startScanWorker(log.path);
  // Settled together, so that a failure of one half never leaves the other's unhandled.
  const [first, second] = await Promise.all([firstThread.run(halves.first), secondDone]);
  await applyHalves(log, interners, pass, halves, [first, second], fresh !== null);
  lastSplit =
    first.end !== cut ? 'cut rejected' : pass.hostScans === true ? 'this thread and a worker' : 'two workers';
  return log.count - before;
}

/** Takes the halves' rows into the log (the second's only when the first ended on the cut). */
async function applyHalves(
  log: LogIndex,
  interners: SharedInterners,
  pass: ParallelPass,
  { shared, gap, first: firstJob, second: secondJob }: Halves,
  [first, second]: [ScanResult, ScanResult],
  fresh: boolean,
): Promise<void> {
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
  if (first.end !== firstJob.to) {
    if (pass.onChunk) await pass.onChunk(log);
    await indexLog(log, interners, { ...pass, until: secondJob.to });
    return;
  }
  const secondRow = log.count;
  if (firstShared && second.filledInto) {
    const views = viewsOf(shared);
    for (const name of COLUMN_NAMES) views[name].copyWithin(secondRow, gap, gap + second.count);
    applyScan(log, second, interners, first.state.line, 'inPlace');
  } else applyScan(log, second, interners, first.state.line);
  if (second.assetCells) pass.assets?.take(second.assetCells);
  if (second.audit) pass.audit?.take(second.audit, secondRow, first.state.line);
  log.size = secondJob.to;
  if (pass.onChunk) await pass.onChunk(log);
}

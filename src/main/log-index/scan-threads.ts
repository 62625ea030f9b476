// The threads that scan a range of a log: a worker thread running the scanner's own functions as
// source text (one implementation), or the calling thread itself.
import { roleCell } from '../gradio/role-cells';
import { open } from 'node:fs/promises';
import { delimiterLength, FieldBounds, scanCsv } from '../scan/csv-scan';
import { fieldBytes } from '../scan/csv-field';
import { digits, timestampFromBytes } from '../scan/timestamp-key';
import { assetCellsCollector, refHash } from '../scan/asset-cells';
import { recordAuditor } from '../scan/record-audit';
import { localHelpers } from '../scan/scan-helpers';
import { scanRange, type ScanJob, type ScanResult } from '../scan/scan-job';
import { holdAroundWorker, SCAN_WORKER_LIMITS } from '../platform/young-generation';

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

/** A thread that scans one range: a worker (booting from the moment it is made), or this one. */
export interface ScanThread {
  run(job: Omit<ScanJob, 'fd'>): Promise<ScanResult>;
  /** Stops a worker whose job will never come (the pass failed before it was handed over). */
  cancel(): void;
}

export function startScanWorker(path: string): ScanThread {
  let cancelled = false;
  // Loaded for large logs only: small folders open without it.
  const booted = import('node:worker_threads').then(({ Worker }) => {
    if (cancelled) return null;
    // Its young generation is bounded, which the main thread's cannot be once the process runs:
    // scanning a half there peaked 2-6 MB higher (the price one-shot commands pay, not the app).
    const worker = new Worker(workerSource(), { eval: true, resourceLimits: SCAN_WORKER_LIMITS });
    holdAroundWorker(worker);
    const answer = new Promise<ScanResult>((resolve, reject) => {
      worker.once('message', (message: ScanResult | { error: string }) => {
        void worker.terminate();
        if ('error' in message) reject(new Error(message.error));
        else resolve(message);
      });
      worker.once('error', reject);
    });
    // Awaited once its job is handed over; an error while it boots must not go unhandled meanwhile.
    answer.catch(() => undefined);
    return { worker, answer };
  });
  // A worker that cannot start fails its run; until then its failure must not go unhandled.
  booted.catch(() => undefined);
  return {
    run: async (job) => {
      const started = await booted;
      if (!started || cancelled) throw new Error('scan worker cancelled');
      started.worker.postMessage({ ...job, path });
      return started.answer;
    },
    cancel: () => {
      cancelled = true;
      void booted.then(
        (started) => started?.worker.terminate(),
        () => undefined,
      );
    },
  };
}

/**
 * This thread as a ScanThread: a one-shot command's thread has nothing else to do meanwhile, and
 * spares a worker's boot (about 40 ms, more than a 100k-row log's sample takes).
 */
export function thisThread(path: string): ScanThread {
  return {
    run: async (job) => {
      const handle = await open(path, 'r');
      try {
        return scanRange({ ...job, fd: handle.fd }, localHelpers);
      } finally {
        await handle.close();
      }
    },
    cancel: () => undefined,
  };
}

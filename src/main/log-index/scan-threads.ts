// The threads that scan a range of a log: a worker thread running the scanner's own functions as
// source text (one implementation), or the calling thread itself.
import { open } from 'node:fs/promises';
import { hostScanner } from '../scan/host-scanner';
import { scanModule, scannerSource } from '../scan/scanner-source';
import type { ScanJob, ScanResult } from '../scan/scan-job';
import { holdAroundWorker, SCAN_WORKER_LIMITS } from '../platform/young-generation';
import { scanQueued } from '../scan/scan-queue';

let source: string | undefined;

/** The worker's program: the scanner's own functions as source text (one implementation). */
function workerSource(): string {
  source ??= [
    "const { parentPort, workerData } = require('node:worker_threads');",
    'const wasmModule = workerData ? workerData.wasm : null;',
    "const { openSync, readSync, closeSync } = require('node:fs');",
    "const { isUtf8 } = require('node:buffer');",
    scannerSource(),
    String(scanQueued),
    'parentPort.on("message", ({ path, jobs, taken, fromBack }) => {',
    '  const fd = openSync(path, "r");',
    `  try { const done = ${scanQueued.name}(jobs, taken, fromBack, (job) => scan({ ...job, fd }));`,
    // Its own columns are transferred; shared ones (ScanJob.into) are already the caller's.
    '    const own = [];',
    '    for (const [, r] of done) {',
    '      own.push(...[r.starts, r.lengths, r.lines, r.reasons, r.usernames, r.timestamps].map((a) => a.buffer));',
    '      if (r.assetCells) own.push(r.assetCells.missing.buffer);',
    '    }',
    '    parentPort.postMessage({ done }, own.filter((b) => !(b instanceof SharedArrayBuffer)));',
    '  } catch (error) { parentPort.postMessage({ error: String(error && error.stack || error) }); }',
    '  finally { closeSync(fd); }',
    '});',
  ].join('\n');
  return source;
}

let available: boolean | undefined;

/**
 * Whether worker threads can run the scanner here (not when the sources are not plain JS). Answered
 * once: compiling the source text to find out took 1-3 ms, and a large log asks twice.
 */
export function workersAvailable(): boolean {
  if (available === undefined) {
    try {
      new Function(workerSource());
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/** A job as a thread is given it: the thread opens the log itself. */
export type RangeJob = Omit<ScanJob, 'fd'>;

/** A thread that scans ranges of a log: a worker (booting from the moment it is made), or this one. */
export interface ScanThread {
  /**
   * Scans the jobs it takes from its end of the queue `taken` (scanQueued), beside the other
   * thread given the same jobs and queue: [job number, result] pairs.
   */
  scanQueued(jobs: RangeJob[], taken: Int32Array, fromBack: boolean): Promise<[number, ScanResult][]>;
  /** Stops a worker whose jobs will never come (the pass failed before they were handed over). */
  cancel(): void;
}

export function startScanWorker(path: string): ScanThread {
  let cancelled = false;
  // Loaded for large logs only: small folders open without it.
  const booted = import('node:worker_threads').then(({ Worker }) => {
    if (cancelled) return null;
    // Its young generation is bounded, which the main thread's cannot be once the process runs:
    // scanning a half there peaked 2-6 MB higher (the price one-shot commands pay, not the app).
    const worker = new Worker(workerSource(), {
      eval: true,
      resourceLimits: SCAN_WORKER_LIMITS,
      workerData: { wasm: scanModule() },
    });
    holdAroundWorker(worker);
    type Answer = { done: [number, ScanResult][] } | { error: string };
    const answer = new Promise<[number, ScanResult][]>((resolve, reject) => {
      worker.once('message', (message: Answer) => {
        void worker.terminate();
        if ('error' in message) reject(new Error(message.error));
        else resolve(message.done);
      });
      worker.once('error', reject);
    });
    // Awaited once its jobs are handed over; an error while it boots must not go unhandled meanwhile.
    answer.catch(() => undefined);
    return { worker, answer };
  });
  // A worker that cannot start fails its run; until then its failure must not go unhandled.
  booted.catch(() => undefined);
  return {
    scanQueued: async (jobs, taken, fromBack) => {
      const started = await booted;
      if (!started || cancelled) throw new Error('scan worker cancelled');
      started.worker.postMessage({ jobs, taken, fromBack, path });
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
    scanQueued: async (jobs, taken, fromBack) => {
      const handle = await open(path, 'r');
      try {
        const scan = hostScanner(Infinity);
        return scanQueued(jobs, taken, fromBack, (job) => scan({ ...job, fd: handle.fd }));
      } finally {
        await handle.close();
      }
    },
    cancel: () => undefined,
  };
}

// Runs one function of the query engine in a worker thread, from its source text: the function
// must use nothing but its arguments (its helpers are passed in as source text too).
//
// One worker is kept between jobs: it loads each program once (in a scope of its own) and its code
// stays optimized, so a query after the first neither waits for a worker to boot (60-80 ms here)
// nor runs cold code. A job that comes while it is busy gets a worker of its own, ended after it.
// The kept worker collects its garbage after each job (the row columns handed to it are freed
// then, not at some later collection) and ends once idle for a while, giving its memory back.
import type { Worker } from 'node:worker_threads';
import { holdAroundWorker, QUERY_WORKER_LIMITS } from '../platform/young-generation';

/** How long the kept worker waits for another job before it ends. */
export const KEPT_WORKER_IDLE_MS = 20_000;

/** The worker's own side: runs each job's program (loaded once per program) and answers. */
const HOST = [
  "const { parentPort } = require('node:worker_threads');",
  "const { setFlagsFromString } = require('node:v8');",
  "const { runInNewContext } = require('node:vm');",
  'const programs = new Map();',
  // One buffer for the pieces every program's walks read (row-walker.ts, PieceBuffer).
  'const pieces = { buf: null, walks: 0 };',
  'let collect = null;',
  'try {',
  "  setFlagsFromString('--expose-gc');",
  '  collect = runInNewContext(\'typeof gc === "function" ? gc : null\');',
  '} catch {}',
  'parentPort.on("message", ({ id, program, job }) => {',
  '  try {',
  '    let run = programs.get(id);',
  '    if (run === undefined) {',
  '      run = new Function("require", "pieces", `${program}\\nreturn run;`)(require, pieces);',
  '      programs.set(id, run);',
  '    }',
  '    parentPort.postMessage({ result: run(job) });',
  '  } catch (error) {',
  '    parentPort.postMessage({ error: String((error && error.stack) || error) });',
  '  }',
  '  job = undefined;',
  '  if (collect) setImmediate(collect);',
  '});',
].join('\n');

interface Host {
  /** Booting from the moment the host is made (the module is loaded for large logs only). */
  worker: Promise<Worker>;
  /** Programs it has loaded, by id. */
  loaded: Set<number>;
  busy: boolean;
  idle?: ReturnType<typeof setTimeout>;
}

const programIds = new Map<string, number>();
let kept: Host | null = null;

function newHost(): Host {
  const worker = import('node:worker_threads').then(({ Worker }) => {
    const booted = new Worker(HOST, { eval: true, resourceLimits: QUERY_WORKER_LIMITS });
    holdAroundWorker(booted);
    return booted;
  });
  return { worker, loaded: new Set(), busy: false };
}

/** Ends the kept worker (idle for long enough): no job is handed to it from now on. */
function retire(host: Host): void {
  if (kept === host) kept = null;
  void host.worker.then((worker) => worker.terminate());
}

/** The kept worker when it is free (made if there is none), else a worker for this job alone. */
function hostForJob(): { host: Host; keep: boolean } {
  if (kept !== null && !kept.busy) {
    clearTimeout(kept.idle);
    return { host: kept, keep: true };
  }
  if (kept !== null) return { host: newHost(), keep: false };
  const host = newHost();
  kept = host;
  void host.worker.then(
    (worker) => {
      const forget = (): void => {
        if (kept === host) kept = null;
      };
      worker.once('exit', forget);
      worker.once('error', forget);
    },
    () => {
      if (kept === host) kept = null;
    },
  );
  return { host, keep: true };
}

/**
 * Starts `program` (source that defines \`run(job)\`) in a worker thread and hands it `job`;
 * resolves once it runs, with the promise of its result (which rejects when the worker fails).
 */
export async function startWorker<T>(
  program: string,
  job: unknown,
  transfer: ArrayBuffer[],
): Promise<{ done: Promise<T> }> {
  let id = programIds.get(program);
  if (id === undefined) programIds.set(program, (id = programIds.size));
  const { host, keep } = hostForJob();
  host.busy = true;
  const worker = await host.worker;
  // Waited for while it works; idle, a kept worker never keeps the process alive.
  worker.ref();
  const done = new Promise<T>((resolve, reject) => {
    const failed = (error: Error): void => {
      worker.off('message', answered);
      void worker.terminate();
      reject(error);
    };
    const answered = (message: { result: T } | { error: string }): void => {
      worker.off('error', failed);
      host.busy = false;
      worker.unref();
      if (keep) host.idle = setTimeout(() => retire(host), KEPT_WORKER_IDLE_MS).unref();
      else void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message.result);
    };
    worker.once('message', answered);
    worker.once('error', failed);
  });
  const first = !host.loaded.has(id);
  host.loaded.add(id);
  worker.postMessage({ id, ...(first ? { program } : {}), job }, transfer);
  return { done };
}

// Runs one function of the query engine in a worker thread, from its source text: the function
// must use nothing but its arguments (its helpers are passed in as source text too).
import { holdAroundWorker, WORKER_RESOURCE_LIMITS } from '../platform/young-generation';

/**
 * Starts `program` (source that defines \`run(job)\`) in a worker thread and hands it `job`;
 * resolves once it runs, with the promise of its result (which rejects when the worker fails).
 */
export async function startWorker<T>(
  program: string,
  job: unknown,
  transfer: ArrayBuffer[],
): Promise<{ done: Promise<T> }> {
  const { Worker } = await import('node:worker_threads');
  const source = [
    "const { parentPort } = require('node:worker_threads');",
    program,
    'parentPort.on("message", (job) => {',
    '  try { parentPort.postMessage({ result: run(job) }); }',
    '  catch (error) { parentPort.postMessage({ error: String((error && error.stack) || error) }); }',
    '});',
  ].join('\n');
  const worker = new Worker(source, { eval: true, resourceLimits: WORKER_RESOURCE_LIMITS });
  holdAroundWorker(worker);
  const done = new Promise<T>((resolve, reject) => {
    worker.once('message', (message: { result: T } | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message.result);
    });
    worker.once('error', reject);
  });
  worker.postMessage(job, transfer);
  return { done };
}

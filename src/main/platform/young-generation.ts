// V8 doubles a heap's young generation, up to 32 MB on 64-bit, each time enough objects have
// survived its scavenges since the last doubling, and never gives it back while the process runs.
// A ranking keeps its working objects (the distinct values, the ties being settled) alive across
// many scavenges, so after a few sorts the process held 32 MB of semispaces for good: a sixth of
// a 1M-row log's whole budget. A growth factor of 1 keeps the young generation at its starting
// size; its survivors are promoted to the old generation sooner instead, where a full collection
// frees them.
import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';

/** Holds this process's young generation at its starting size (again: see holdAroundWorker). */
export function holdYoungGeneration(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // A host whose V8 refuses run-time flags keeps V8's own sizing.
  }
}

/**
 * Node 20 resets V8's flags while a worker thread boots, and measured, once more before the
 * worker's first answer: the hold is taken again at both points. (Node 24 keeps it.)
 */
export function holdAroundWorker(worker: Pick<Worker, 'once'>): void {
  worker.once('online', holdYoungGeneration);
  worker.once('message', holdYoungGeneration);
}

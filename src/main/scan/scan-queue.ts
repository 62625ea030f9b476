// The jobs of a parallel pass as one queue for every thread that scans them: a thread takes the
// next job from its end of the queue (one from the front, the other from the back), so that each
// scans its own range when both start together, and the one that is ready sooner or runs faster
// takes the rest. Sent to worker threads as source text (see scan-job.ts): no imports.

/**
 * Scans the jobs this thread takes from `taken` (shared by every thread: how many jobs each end
 * has given out, front in the low 16 bits) until none is left. [job number, result] pairs.
 */
export function scanQueued<Job, Result>(
  jobs: Job[],
  taken: Int32Array,
  fromBack: boolean,
  scanOne: (job: Job) => Result,
): [number, Result][] {
  const done: [number, Result][] = [];
  for (;;) {
    const seen = Atomics.load(taken, 0);
    const front = seen & 0xffff;
    const back = seen >>> 16;
    if (front + back >= jobs.length) return done;
    if (Atomics.compareExchange(taken, 0, seen, seen + (fromBack ? 0x10000 : 1)) !== seen) continue;
    const k = fromBack ? jobs.length - 1 - back : front;
    done.push([k, scanOne(jobs[k])]);
  }
}

/** A queue for scanQueued, nothing taken yet, in memory the threads share. */
export function queueCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

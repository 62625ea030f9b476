// V8 doubles a heap's young generation, up to 32 MB on 64-bit (128 MB under Node 24), each time
// enough objects have survived its scavenges since the last doubling, and never gives it back while
// the process runs. A ranking keeps its working objects (the distinct values, the ties being
// settled) alive across many scavenges, so after a few sorts the process held 32 MB of semispaces
// for good: an eighth of a 1M-row log. Held at its 2 MB start, though, a page of 100 rows (which
// makes about 4 MB of garbage resolving its assets) ran six scavenges and took twice as long. So
// the young generation may grow to HELD_BYTES and is held there: a growth factor of 1 stops V8's
// doubling; survivors are promoted to the old generation sooner instead, where a full collection
// frees them.

// node:v8 is loaded on first use, not at import (as platform/lazy-hashes.ts does crypto): it costs
// about 4 ms to load, which every command paid through this module, a 10-row `inspect` included.
const v8 = () => process.getBuiltinModule('node:v8');

/**
 * Both semispaces, 28 MB less than V8's own ceiling. At 8 MB pages were no quicker (bench/query.mjs:
 * the next page while scrolling 12.7 ms at either size), and the process's peak over the bench's
 * searches and sorts was 4-5 MB higher.
 */
export const HELD_BYTES = 4 * 1024 * 1024;

/** The bytes V8 holds for this heap's young generation now (both semispaces). */
export function youngGenerationBytes(): number {
  return (
    v8()
      .getHeapSpaceStatistics()
      .find((space) => space.space_name === 'new_space')?.space_size ?? 0
  );
}

/**
 * Lets this process's young generation grow until it holds HELD_BYTES, and holds it from then
 * on. Called where a query starts and around every worker (holdAroundWorker), so a doubling that
 * passes the size is stopped at the next of those points.
 */
export function holdYoungGeneration(): void {
  const factor = youngGenerationBytes() >= HELD_BYTES ? 1 : 2;
  try {
    v8().setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  } catch {
    // A host whose V8 refuses run-time flags keeps V8's own sizing.
  }
}

/**
 * A scan worker's own limits: a small young generation, since its garbage is short-lived and peak
 * memory counts (left to V8, each scan worker's grew to tens of MB: inspect's 1M-row first open
 * peaked ~20 MB higher).
 */
export const SCAN_WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/**
 * The kept query worker's: smaller still, since it stays between queries (at 4 MB the bench's
 * process peaked 2-3 MB higher over its searches and sorts).
 */
export const QUERY_WORKER_LIMITS = { maxYoungGenerationSizeMb: 2 };

/**
 * Node 20 resets V8's flags while a worker thread boots, and, measured, at times later on, up to
 * its teardown: the hold is taken again when the worker comes online, answers and exits. (Node 24
 * keeps it.)
 */
export function holdAroundWorker(worker: { once(event: string, listener: () => void): unknown }): void {
  worker.once('online', holdYoungGeneration);
  worker.once('message', holdYoungGeneration);
  worker.once('exit', holdYoungGeneration);
}

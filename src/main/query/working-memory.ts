// The memory a ranking or a sort works in (keys, hashes, buckets, orders: up to 30 bytes a row),
// taken for one job and given back as soon as it ends. A job that awaits while it holds the memory
// (a ranking: a worker keys half the rows) outlives young-generation collections, so V8 would free
// it only at its next full collection, during which a few sorts in a row would hold several working
// sets at once: such a job asks for a full collection (collect-garbage.ts) at release. A job that
// runs to its end synchronously leaves garbage the next young collection frees.
//
// A large working set is allocated at no less than MMAPPED_BYTES, so that glibc maps it on its own
// and unmaps it when it is freed (mapped-arrays.ts says why).
import { collectGarbage } from './collect-garbage';
import { MMAPPED_BYTES } from './mapped-arrays';
/** Working sets from this size on are allocated at MMAPPED_BYTES at least. */
const LARGE_BYTES = 1024 * 1024;

export interface Working {
  buffer: SharedArrayBuffer;
  release(): void;
}

/**
 * At least `bytes` of zeroed shared memory until `release()`; `collect`: the job awaits meanwhile,
 * so a large working set is collected at release.
 */
export function acquireWorking(bytes: number, options: { collect?: boolean } = {}): Working {
  const large = bytes >= LARGE_BYTES;
  let buffer: SharedArrayBuffer | null = new SharedArrayBuffer(
    large ? Math.max(bytes, MMAPPED_BYTES) : bytes,
  );
  return {
    get buffer(): SharedArrayBuffer {
      if (!buffer) throw new Error('working memory used after its release');
      return buffer;
    },
    release: () => {
      buffer = null;
      // Once the job's frame, which still holds views of the memory, has returned, and after the
      // answer has gone out: the user waits for the sort, not for the 5-20 ms collection.
      if (large && options.collect === true) setImmediate(collectGarbage);
    },
  };
}

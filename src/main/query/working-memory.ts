// The memory a ranking or a sort works in (keys, hashes, buckets, orders: up to 30 bytes a row),
// taken for one job and given back as soon as it ends: released, it is collected at once
// (collect-garbage.ts) rather than left to wait for V8's next full collection, during which a few
// sorts in a row would hold several working sets at once.
//
// A large working set is allocated at no less than MMAPPED_BYTES: glibc then always maps it on its
// own and unmaps it when it is freed. A freed mapped block under that size would raise glibc's mmap
// threshold to its size, and every later block under it (ranks, orders, a page of the file: 1-8
// MB) would come from the heap, which keeps what is freed. The pages past the bytes asked for are
// never touched, so they cost address space, not memory.
import { collectGarbage } from './collect-garbage';

/** glibc's largest dynamic mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX), and a margin. */
export const MMAPPED_BYTES = 33 * 1024 * 1024;
/** Working sets from this size on are allocated at MMAPPED_BYTES at least, and collected when released. */
const LARGE_BYTES = 1024 * 1024;

export interface Working {
  buffer: SharedArrayBuffer;
  release(): void;
}

/** At least `bytes` of zeroed shared memory until `release()`. */
export function acquireWorking(bytes: number): Working {
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
      // Once the job's frame, which still holds views of the memory, has returned.
      if (large) queueMicrotask(collectGarbage);
    },
  };
}

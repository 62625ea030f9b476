// Per-row arrays of a large log (1 MB and more over a million rows) allocated so that glibc maps
// each on its own and unmaps it when it is freed. glibc serves a block from its heap unless it is at
// least its mmap threshold, and after freeing a mapped block of up to 32 MB it raises that threshold
// to the block's size, so from the first sort on such arrays would come from the heap, which keeps
// what is freed: a cache that evicted them to make room for a sort's working set gave the process
// no memory back. An array asked for at MMAPPED_BYTES or more is mapped whatever the threshold;
// the pages past its own length are never touched, so they cost address space, not memory. Each
// one costs fresh pages (page faults) and counts as 33 MB of external memory to V8, which then
// collects sooner: used for what the query caches keep (selections, orders, ranks, row bits) and
// a query's row marks.

/** glibc's largest dynamic mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX), and a margin. */
export const MMAPPED_BYTES = 33 * 1024 * 1024;
/** Arrays from this size on are mapped. */
const MAPPED_FROM = 1024 * 1024;

const mapped = new WeakSet<ArrayBufferLike>();

interface TypedArrayOf<T> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** A zeroed `new Ctor(length)`, mapped on its own when large. */
export function mappedArray<T>(Ctor: TypedArrayOf<T>, length: number): T {
  const bytes = length * Ctor.BYTES_PER_ELEMENT;
  if (bytes < MAPPED_FROM) return new Ctor(length);
  const buffer = new ArrayBuffer(Math.max(bytes, MMAPPED_BYTES));
  mapped.add(buffer);
  return new Ctor(buffer, 0, length);
}

/**
 * The memory an array holds: its whole buffer (a view keeps all of it), or for a mapped one, the
 * array's own bytes (the pages past them are never touched).
 */
export function heldBytes(array: ArrayBufferView): number {
  return mapped.has(array.buffer) ? array.byteLength : array.buffer.byteLength;
}

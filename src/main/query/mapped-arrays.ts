// Per-row arrays of a large log (1-8 MB over a million rows: ranks, orders, refs, row bits),
// allocated so that glibc maps each on its own and unmaps it when it is freed. glibc serves a block
// from its heap unless it is at least its mmap threshold, and after freeing a mapped block of up to
// 32 MB it raises that threshold to the block's size: from the first sort on, every such array
// would come from the heap, which keeps what is freed (20-30 MB more at the peak of a run of
// searches and sorts, measured against a fixed threshold). An array asked for at MMAPPED_BYTES or
// more is mapped whatever the threshold; the pages past its own length are never touched, so they
// cost address space, not memory.

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

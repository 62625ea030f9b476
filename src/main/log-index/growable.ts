// Typed arrays that grow by doubling, for per-row columns whose final length is not known.
type TypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

interface TypedArrayOf<T> {
  new (length: number): T;
  new (buffer: ArrayBufferLike): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * `array` with room for `needed` entries: doubled, or exactly `needed` when `exact`; in shared
 * memory when `shared`.
 */
export function grown<T extends TypedArray>(array: T, needed: number, exact = false, shared = false): T {
  if (needed <= array.length) return array;
  let length = exact ? needed : Math.max(array.length, 1024);
  while (length < needed) length *= 2;
  return copied(array, array.length, length, shared);
}

/** A new array of `length` (shared memory when `shared`) holding the first `keep` entries of `array`. */
export function copied<T extends TypedArray>(array: T, keep: number, length: number, shared: boolean): T {
  const Ctor = array.constructor as TypedArrayOf<T>;
  const next = shared ? new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT)) : new Ctor(length);
  next.set(array.subarray(0, keep));
  return next;
}

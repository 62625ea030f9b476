// Typed arrays that grow by doubling, for per-row columns whose final length is not known.
type TypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

/** `array` with room for `needed` entries: doubled, or exactly `needed` when `exact`. */
export function grown<T extends TypedArray>(array: T, needed: number, exact = false): T {
  if (needed <= array.length) return array;
  let length = exact ? needed : Math.max(array.length, 1024);
  while (length < needed) length *= 2;
  const Ctor = array.constructor as new (length: number) => T;
  const next = new Ctor(length);
  next.set(array);
  return next;
}

// A small log read whole to find its shape (the HF saver's one-row `metadata.jsonl`), kept with
// that shape: the open that asked for the shape indexes the rows and remembers the tail from these
// bytes, and takes the stat of the same read as the file it has seen. Each sample folder's log was
// otherwise opened three times (its shape, its rows, its tail) and stat'ed once more.

/** The bytes of a whole file, and its stat at the read (`at`: when it was read). */
export interface WholeFile {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  ino: number;
  at: number;
}

// Keyed by the shape object: the bytes are those its own read found, never another read's.
const wholeFiles = new WeakMap<object, WholeFile>();

export function keepWholeFile(shape: object, whole: WholeFile): void {
  wholeFiles.set(shape, whole);
}

/** The whole file read for `shape`, once: taken, it is no longer held. */
export function takeWholeFile(shape: object): WholeFile | undefined {
  const whole = wholeFiles.get(shape);
  wholeFiles.delete(shape);
  return whole;
}

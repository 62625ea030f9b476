// The asset side of `flagdeck inspect` inside the scan: per row, the cells of the columns that can
// hold files. A plain relative path whose file name occurs nowhere in the folder is settled here,
// on the bytes (it is `missing`), and only its hash goes back; every other candidate cell goes back
// as text for the reader's rules. Like scan-job.ts, these functions are also sent to worker
// threads as source text: no imports, no module constants, byte values as literals.
import type { FieldBounds } from './csv-scan';
import type { sortHashes } from './sort-hashes';
import type { refHash } from './ref-hash';

/** What a scan collects for the asset count (see AssetCellsCollector in scan-job.ts). */
export interface AssetCellsJob {
  columns: number[];
  /**
   * Per column: its cells hold a file only now and then (text, chat, JSON, any column not of files):
   * keep only cells that name a file with a known extension, hold a key of Gradio's file objects,
   * or hold a path whose last segment may be a name in the folder.
   */
  loose: boolean[];
  /** Keys of Gradio's file objects (value-shape.ts PATH_KEYS, `is_file`). */
  pathKeys: string[];
  /** Media extensions, lower case, without the dot. */
  extensions: string[];
  /** refHash of every name in the folder, as written and loosely; null when not every name is known. */
  folderNames: number[] | null;
}

export interface AssetCells {
  /** Per column of the job, the cells the reader must judge (quoting undone, latin1 bytes). */
  cells: string[][];
  /** refHash of each plain reference settled as missing, sorted (the same reference may repeat). */
  missing: Float64Array;
  /** Cells past the job's columns, as (column, cell) pairs. */
  beyond: (number | string)[];
}

/** What a collector is given per record, and what it hands over at the end of a range. */
export interface AssetCellsAdder {
  add(buf: Buffer, bounds: FieldBounds, n: number): void;
  /**
   * The same, the cells judged already (the WebAssembly census): per job column, 0 nothing, 1 the
   * cell as text, 2 settled as missing with its refHash in `hashes`.
   */
  addJudged(buf: Buffer, bounds: FieldBounds, n: number, verdicts: Uint8Array, hashes: Float64Array): void;
  /** refHashes of references settled as missing, in row order (rows the WebAssembly index took). */
  addMissing(hashes: Float64Array): void;
  result(): AssetCells;
}

/**
 * Collects, per record, the cells that may hold a file reference (`job.columns`: every column, in
 * order); `result()` hands them over and starts again (one collector serves a thread's ranges).
 */
export function assetCellsCollector(
  job: AssetCellsJob,
  quote: number,
  fieldBytes: (buf: Buffer, start: number, end: number, quote: number) => Buffer,
  hash: typeof refHash,
  sortMissing: typeof sortHashes,
): AssetCellsAdder {
  let cells: string[][] = job.columns.map(() => []);
  // A typed list grown by doubling, not a JS array copied into one at the end: the worker holds
  // a million hashes once, and hands them over without a copy (scan-workers.ts transfers them).
  let missing = new Float64Array(1024);
  let missingCount = 0;
  let beyond: (number | string)[] = [];
  const text = (buf: Buffer, s: number, e: number): string =>
    buf[s] === quote ? fieldBytes(buf, s, e, quote).toString('latin1') : buf.toString('latin1', s, e);
  const extensions = new Set(job.extensions);
  const names = job.folderNames ? new Set(job.folderNames) : null;
  const isAlnum = (c: number): boolean =>
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // The key ending at `end` (exclusive), preceded by no letter or `_`. Keys are looked up by their
  // last two bytes: a Label's `"confidence":` and `"confidences":` then compare with one key or none.
  const keysByEnd = new Map<number, string[]>();
  const endOf = (last: number, before: number): number => (last << 8) | before;
  for (const key of job.pathKeys) {
    const code = endOf(key.charCodeAt(key.length - 1) & 255, key.charCodeAt(key.length - 2) & 255);
    keysByEnd.set(code, [...(keysByEnd.get(code) ?? []), key]);
  }
  const isPathKeyBefore = (buf: Buffer, s: number, end: number): boolean => {
    if (end - s < 2) return false;
    const keys = keysByEnd.get(endOf(buf[end - 1], buf[end - 2]));
    if (keys === undefined) return false;
    for (const key of keys) {
      const start = end - key.length;
      if (start < s) continue;
      let i = key.length - 1;
      while (i >= 0 && key.charCodeAt(i) === buf[start + i]) i--;
      const before = buf[start - 1];
      if (i < 0 && (start === s || !((before >= 97 && before <= 122) || before === 95))) return true;
    }
    return false;
  };
  // `"path":`, `'image' :`…: a key of Gradio's file objects before the `:` at `colon`.
  const keyBefore = (buf: Buffer, s: number, colon: number): boolean => {
    let j = colon - 1;
    while (j > s && buf[j] === 32) j--;
    if (buf[j] !== 34 && buf[j] !== 39) return false;
    while (j > s && (buf[j] === 34 || buf[j] === 39)) j--;
    return isPathKeyBefore(buf, s, j + 1);
  };
  const digitFirst = job.extensions.some((extension) => extension.charCodeAt(0) <= 57);
  // The `.` at `dot` starts a known extension, followed by no letter or digit.
  const extensionAt = (buf: Buffer, dot: number, e: number): boolean => {
    if (!digitFirst && buf[dot + 1] <= 57) return false; // `0.5`, `..`, `./`: no extension starts so
    let j = dot + 1;
    while (j < e && j - dot <= 9 && isAlnum(buf[j])) j++;
    if (j === dot + 1 || (j < e && isAlnum(buf[j]))) return false;
    return extensions.has(buf.toString('latin1', dot + 1, j).toLowerCase());
  };
  // The bytes that can start a reference's sign: `.` `/` `:` `\\` `{`.
  const signs = new Uint8Array(256);
  for (const byte of [46, 47, 58, 92, 123]) signs[byte] = 1;
  /**
   * Whether a cell of a loose column may hold a reference as decodeCell reads it: a name with a
   * known extension, a key of Gradio's file objects inside `{…}` (its value is a file, extension
   * or not), or a path whose last segment the folder may hold. One look at each byte; most cells
   * hold none of the signs. `\\"` is JSON's escaped quote, never a Windows path's separator.
   */
  const looseCandidate = (buf: Buffer, s: number, e: number): boolean => {
    let separator = false;
    let brace = false;
    for (let i = s; i < e; i++) {
      const c = buf[i];
      if (signs[c] === 0) continue;
      if (c === 46) {
        if (extensionAt(buf, i, e)) return true;
      } else if (c === 47 || (c === 92 && buf[i + 1] !== 34)) separator = true;
      else if (c === 123) brace = true;
      else if (c === 58 && brace && keyBefore(buf, s, i)) return true;
    }
    return separator && mayBeInFolder(buf, s, e);
  };
  // The loose form of a plain ASCII name (dir-listings.ts looseName: other bytes dropped, lower
  // case, trimmed) hashed as refHash would hash it; the name's own hash when nothing changes.
  let looseBytes = new Uint8Array(256);
  const looseHash = (buf: Buffer, s: number, e: number, exact: number): number => {
    let changed = false;
    for (let i = s; i < e && !changed; i++) {
      const c = buf[i];
      changed = !(
        (c >= 48 && c <= 57) ||
        (c >= 97 && c <= 122) ||
        c === 46 ||
        c === 95 ||
        c === 45 ||
        c === 44
      );
    }
    if (!changed) return exact;
    let length = 0;
    let started = false;
    let spaces = 0;
    if (looseBytes.length < e - s) looseBytes = new Uint8Array(e - s);
    for (let i = s; i < e; i++) {
      const c = buf[i];
      if (c === 32) {
        if (started) spaces++;
        continue;
      }
      if (!(isAlnum(c) || c === 46 || c === 95 || c === 45 || c === 44)) continue;
      for (; spaces > 0; spaces--) looseBytes[length++] = 32;
      started = true;
      looseBytes[length++] = c >= 65 && c <= 90 ? c | 32 : c;
    }
    return hash(looseBytes, 0, length);
  };
  /** refHash of the cell `buf[s, e)` when it is a plain relative path whose file is nowhere in the folder, else -1. */
  const settledMissing = (buf: Buffer, s: number, e: number): number => {
    if (!names || e - s > 1024) return -1;
    const first = buf[s];
    // Quoted, escaped (`'`), structured, absolute, or a drive: the reader's rules decide.
    if (first === quote || first === 39 || first === 91 || first === 123 || first === 40) return -1;
    if (first === 47 || first === 92 || first === 32 || buf[e - 1] === 32 || buf[s + 1] === 58) return -1;
    let lastSeparator = -1;
    for (let i = s; i < e; i++) {
      const c = buf[i];
      if (c < 32 || c > 126) return -1; // not plain ASCII: decode first
      if (c === 47 || c === 92) lastSeparator = i;
      else if (c === 46 && buf[i + 1] === 46 && i + 1 < e)
        return -1; // `..`
      else if (c === 58 && buf[i + 1] === 47) return -1; // a URL
    }
    if (lastSeparator < 0 || lastSeparator === e - 1) return -1;
    const nameStart = lastSeparator + 1;
    if (e - nameStart === 1 && buf[nameStart] === 46) return -1; // `dir/.`
    const exact = hash(buf, nameStart, e);
    if (names.has(exact) || names.has(looseHash(buf, nameStart, e, exact))) return -1;
    return hash(buf, s, e);
  };
  /** Whether the last segment of the plain path `bytes[s, e)` may be a name in the folder. */
  const nameMayBeInFolder = (bytes: Buffer, s: number, e: number, known: Set<number>): boolean => {
    let cut = e - 1;
    while (cut >= s && bytes[cut] !== 47 && bytes[cut] !== 92) cut--;
    if (cut === e - 1 || bytes[e - 1] === 32) return true; // `dir/`, trailing space: the reader decides
    for (let i = cut + 1; i < e; i++) if (bytes[i] < 32 || bytes[i] > 126) return true;
    const exact = hash(bytes, cut + 1, e);
    return known.has(exact) || known.has(looseHash(bytes, cut + 1, e, exact));
  };
  /**
   * Whether the cell `buf[s, e)` may name a file in the folder, judged on its value: the quoting
   * undone once. A value may start with a quote itself (`"a"b/c` reads as written): undoing that
   * one again would never end.
   */
  const mayBeInFolder = (buf: Buffer, s: number, e: number): boolean => {
    if (!names) return true;
    if (buf[s] !== quote) return nameMayBeInFolder(buf, s, e, names);
    const value = fieldBytes(buf, s, e, quote);
    return nameMayBeInFolder(value, 0, value.length, names);
  };
  /** Room for `more` missing hashes past those held. */
  const roomForMissing = (more: number): void => {
    if (missingCount + more <= missing.length) return;
    let size = missing.length * 2;
    while (size < missingCount + more) size *= 2;
    const bigger = new Float64Array(size);
    bigger.set(missing.subarray(0, missingCount));
    missing = bigger;
  };
  const pushMissing = (hash: number): void => {
    roomForMissing(1);
    missing[missingCount++] = hash;
  };
  // Cells past the log's columns (a wider row) all go back: the columns they make are only
  // typed once the rows that widen the log are read again.
  const addBeyond = (buf: Buffer, bounds: FieldBounds, n: number): void => {
    for (let column = job.columns.length; column < n; column++) {
      const s = bounds.starts[column];
      const e = bounds.ends[column];
      if (s < e) beyond.push(column, text(buf, s, e));
    }
  };
  return {
    add(buf, bounds, n) {
      for (let k = 0; k < job.columns.length; k++) {
        const column = job.columns[k];
        if (column >= n) continue;
        const s = bounds.starts[column];
        const e = bounds.ends[column];
        if (s === e) continue;
        if (job.loose[k]) {
          if (looseCandidate(buf, s, e)) cells[k].push(text(buf, s, e));
          continue;
        }
        const settled = settledMissing(buf, s, e);
        if (settled >= 0) pushMissing(settled);
        else cells[k].push(text(buf, s, e));
      }
      addBeyond(buf, bounds, n);
    },
    addMissing(hashes) {
      roomForMissing(hashes.length);
      missing.set(hashes, missingCount);
      missingCount += hashes.length;
    },
    addJudged(buf, bounds, n, verdicts, hashes) {
      for (let k = 0; k < job.columns.length; k++) {
        const verdict = verdicts[k];
        if (verdict === 1)
          cells[k].push(text(buf, bounds.starts[job.columns[k]], bounds.ends[job.columns[k]]));
        else if (verdict === 2) pushMissing(hashes[k]);
      }
      addBeyond(buf, bounds, n);
    },
    // Sorted here, in the worker that found them: the tally then merges the ranges' lists.
    // What was collected is handed over and the collector starts afresh for the next range.
    result() {
      const collected = { cells, missing: sortMissing(missing.subarray(0, missingCount)), beyond };
      cells = job.columns.map(() => []);
      missing = new Float64Array(1024);
      missingCount = 0;
      beyond = [];
      return collected;
    },
  };
}

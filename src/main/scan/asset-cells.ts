// The asset side of `flagdeck inspect` inside the scan: per row, the cells of the columns that can
// hold files. A plain relative path whose file name occurs nowhere in the folder is settled here,
// on the bytes (it is `missing`), and only its hash goes back; every other candidate cell goes back
// as text for the reader's rules. Like scan-job.ts, these functions are also sent to worker
// threads as source text: no imports, no module constants, byte values as literals.
import type { FieldBounds } from './csv-scan';

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
  /** refHash of each plain reference settled as missing (the same reference may repeat). */
  missing: Float64Array;
  /** Cells past the job's columns, as (column, cell) pairs. */
  beyond: (number | string)[];
}

/** A 53-bit hash of bytes (two FNV-1a lanes): tells a million references apart without their text. */
export function refHash(bytes: Uint8Array, start: number, end: number): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = start; i < end; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x01000193 + 0x2e);
  }
  return (a >>> 0) * 2097152 + (b >>> 11);
}

/** Collects, per record, the cells that may hold a file reference (`job.columns`: every column, in order). */
export function assetCellsCollector(
  job: AssetCellsJob,
  quote: number,
  fieldBytes: (buf: Buffer, start: number, end: number, quote: number) => Buffer,
  hash: typeof refHash,
): { reset(): void; add(buf: Buffer, bounds: FieldBounds, n: number): void; result(): AssetCells } {
  const cells: string[][] = job.columns.map(() => []);
  const missing: number[] = [];
  const beyond: (number | string)[] = [];
  const text = (buf: Buffer, s: number, e: number): string =>
    buf[s] === quote ? fieldBytes(buf, s, e, quote).toString('latin1') : buf.toString('latin1', s, e);
  const extensions = new Set(job.extensions);
  const names = job.folderNames ? new Set(job.folderNames) : null;
  const isAlnum = (c: number): boolean =>
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Where the next `.`, `/`, `\\` and `:` are in the chunk, found by the native byte search
  // and kept while the records move forward (reset() forgets them when the buffer is refilled): a
  // cell without any of them cannot name a file.
  const needles = [46, 47, 92, 58, 123]; // `.`, `/`, `\\`, `:`, `{`
  const isPathKey = (buf: Buffer, s: number, e: number): boolean => {
    for (const key of job.pathKeys) {
      if (key.length !== e - s) continue;
      let i = 0;
      while (i < key.length && key.charCodeAt(i) === buf[s + i]) i++;
      if (i === key.length) return true;
    }
    return false;
  };
  const found = needles.map(() => -1);
  const from = needles.map(() => Infinity);
  const next = (buf: Buffer, which: number, at: number): number => {
    if (at < from[which] || (found[which] >= 0 && at > found[which])) {
      from[which] = at;
      found[which] = buf.indexOf(needles[which], at);
    }
    return found[which] < 0 ? Infinity : found[which];
  };
  const digitFirst = job.extensions.some((extension) => extension.charCodeAt(0) <= 57);
  // A `.` then a known extension, then no letter or digit.
  const namesFile = (buf: Buffer, s: number, e: number): boolean => {
    for (let i = next(buf, 0, s); i < e; i = next(buf, 0, i + 1)) {
      if (!digitFirst && buf[i + 1] <= 57) continue; // `0.5`, `..`, `./`: no extension starts so
      let j = i + 1;
      while (j < e && j - i <= 9 && isAlnum(buf[j])) j++;
      if (j === i + 1 || (j < e && isAlnum(buf[j]))) continue;
      if (extensions.has(buf.toString('latin1', i + 1, j).toLowerCase())) return true;
    }
    return false;
  };
  // `\\"` is JSON's escaped quote, never a Windows path's separator.
  const hasSeparator = (buf: Buffer, s: number, e: number): boolean => {
    if (next(buf, 1, s) < e) return true;
    for (let i = next(buf, 2, s); i < e; i = next(buf, 2, i + 1)) if (buf[i + 1] !== 34) return true;
    return false;
  };
  // A key of Gradio's file objects (`"path":`, `'image':`…) before a `:`: its value is a file,
  // extension or not.
  const hasPathKey = (buf: Buffer, s: number, e: number): boolean => {
    if (next(buf, 4, s) >= e) return false; // no object, no key
    for (let i = next(buf, 3, s); i < e; i = next(buf, 3, i + 1)) {
      let j = i - 1;
      while (j > s && buf[j] === 32) j--;
      if (buf[j] !== 34 && buf[j] !== 39) continue;
      while (j > s && (buf[j] === 34 || buf[j] === 39)) j--;
      let k = j;
      while (k > s && k > j - 12 && ((buf[k - 1] >= 97 && buf[k - 1] <= 122) || buf[k - 1] === 95)) k--;
      if (isPathKey(buf, k, j + 1)) return true;
    }
    return false;
  };
  // The loose form of a plain ASCII name (dir-listings.ts looseName: other bytes dropped, lower
  // case, trimmed) hashed as refHash would hash it; the name's own hash when nothing changes.
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
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    let started = false;
    let spaces = 0;
    const mix = (c: number): void => {
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193 + 0x2e);
    };
    for (let i = s; i < e; i++) {
      const c = buf[i];
      if (c === 32) {
        if (started) spaces++;
        continue;
      }
      if (!(isAlnum(c) || c === 46 || c === 95 || c === 45 || c === 44)) continue;
      for (; spaces > 0; spaces--) mix(32);
      started = true;
      mix(c >= 65 && c <= 90 ? c | 32 : c);
    }
    return (a >>> 0) * 2097152 + (b >>> 11);
  };
  /** Whether the cell `buf[s, e)` is a plain relative path whose file is nowhere in the folder. */
  const settledMissing = (buf: Buffer, s: number, e: number): boolean => {
    if (!names || e - s > 1024) return false;
    const first = buf[s];
    // Quoted, escaped (`'`), structured, absolute, or a drive: the reader's rules decide.
    if (first === quote || first === 39 || first === 91 || first === 123 || first === 40) return false;
    if (first === 47 || first === 92 || first === 32 || buf[e - 1] === 32 || buf[s + 1] === 58) return false;
    let lastSeparator = -1;
    for (let i = s; i < e; i++) {
      const c = buf[i];
      if (c < 32 || c > 126) return false; // not plain ASCII: decode first
      if (c === 47 || c === 92) lastSeparator = i;
      else if (c === 46 && buf[i + 1] === 46 && i + 1 < e)
        return false; // `..`
      else if (c === 58 && buf[i + 1] === 47) return false; // a URL
    }
    if (lastSeparator < 0 || lastSeparator === e - 1) return false;
    const nameStart = lastSeparator + 1;
    if (e - nameStart === 1 && buf[nameStart] === 46) return false; // `dir/.`
    const exact = hash(buf, nameStart, e);
    return !names.has(exact) && !names.has(looseHash(buf, nameStart, e, exact));
  };
  /** Whether the last segment of a plain path `buf[s, e)` (quoting undone) may be a name in the folder. */
  const mayBeInFolder = (buf: Buffer, s: number, e: number): boolean => {
    if (!names) return true;
    if (buf[s] === quote) {
      const bytes = fieldBytes(buf, s, e, quote);
      return mayBeInFolder(bytes, 0, bytes.length);
    }
    let cut = e - 1;
    while (cut >= s && buf[cut] !== 47 && buf[cut] !== 92) cut--;
    if (cut === e - 1 || buf[e - 1] === 32) return true; // `dir/`, trailing space: the reader decides
    for (let i = cut + 1; i < e; i++) if (buf[i] < 32 || buf[i] > 126) return true;
    const exact = hash(buf, cut + 1, e);
    return names.has(exact) || names.has(looseHash(buf, cut + 1, e, exact));
  };
  return {
    reset() {
      from.fill(Infinity);
    },
    add(buf, bounds, n) {
      for (let k = 0; k < job.columns.length; k++) {
        const column = job.columns[k];
        if (column >= n) continue;
        const s = bounds.starts[column];
        const e = bounds.ends[column];
        if (s === e) continue;
        if (job.loose[k]) {
          // As decodeCell reads it: a file object's path, a name with a known extension, or a
          // path whose file the folder may hold.
          const candidate =
            namesFile(buf, s, e) ||
            hasPathKey(buf, s, e) ||
            (hasSeparator(buf, s, e) && mayBeInFolder(buf, s, e));
          if (!candidate) continue;
        } else if (settledMissing(buf, s, e)) {
          missing.push(hash(buf, s, e));
          continue;
        }
        cells[k].push(text(buf, s, e));
      }
      // Cells past the log's columns (a wider row) all go back: the columns they make are only
      // typed once the rows that widen the log are read again.
      for (let column = job.columns.length; column < n; column++) {
        const s = bounds.starts[column];
        const e = bounds.ends[column];
        if (s < e) beyond.push(column, text(buf, s, e));
      }
    },
    result: () => ({ cells, missing: Float64Array.from(missing), beyond }),
  };
}

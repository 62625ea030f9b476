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
   * keep only cells that hold a path separator or name a file with a known extension.
   */
  loose: boolean[];
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

/** Collects, per record, the cells of `job.columns` that may hold a file reference. */
export function assetCellsCollector(
  job: AssetCellsJob,
  quote: number,
  fieldBytes: (buf: Buffer, start: number, end: number, quote: number) => Buffer,
  hash: typeof refHash,
): { reset(): void; add(buf: Buffer, bounds: FieldBounds, n: number): void; result(): AssetCells } {
  const cells: string[][] = job.columns.map(() => []);
  const missing: number[] = [];
  const extensions = new Set(job.extensions);
  const names = job.folderNames ? new Set(job.folderNames) : null;
  const isAlnum = (c: number): boolean =>
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Where the next `.`, `/` and `\\` are in the chunk, found by the native byte search and kept
  // while the records move forward: a cell without any of them cannot name a file.
  // reset() forgets them when the buffer is refilled.
  const found = [-1, -1, -1];
  const from = [Infinity, Infinity, Infinity];
  const next = (buf: Buffer, which: number, byte: number, at: number): number => {
    if (at < from[which] || (found[which] >= 0 && at > found[which])) {
      from[which] = at;
      found[which] = buf.indexOf(byte, at);
    }
    return found[which] < 0 ? Infinity : found[which];
  };
  const digitFirst = job.extensions.some((extension) => extension.charCodeAt(0) <= 57);
  // A `.` then a known extension, then no letter or digit.
  const namesFile = (buf: Buffer, s: number, e: number): boolean => {
    for (let i = next(buf, 0, 46, s); i < e; i = next(buf, 0, 46, i + 1)) {
      if (!digitFirst && buf[i + 1] <= 57) continue; // `0.5`, `..`, `./`: no extension starts so
      let j = i + 1;
      while (j < e && j - i <= 9 && isAlnum(buf[j])) j++;
      if (j === i + 1 || (j < e && isAlnum(buf[j]))) continue;
      if (extensions.has(buf.toString('latin1', i + 1, j).toLowerCase())) return true;
    }
    return false;
  };
  const hasSeparator = (buf: Buffer, s: number, e: number): boolean =>
    next(buf, 1, 47, s) < e || next(buf, 2, 92, s) < e;
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
  return {
    reset() {
      from[0] = from[1] = from[2] = Infinity;
    },
    add(buf, bounds, n) {
      for (let k = 0; k < job.columns.length; k++) {
        const column = job.columns[k];
        if (column >= n) continue;
        const s = bounds.starts[column];
        const e = bounds.ends[column];
        if (s === e) continue;
        if (job.loose[k]) {
          if (!hasSeparator(buf, s, e) && !namesFile(buf, s, e)) continue;
        } else if (settledMissing(buf, s, e)) {
          missing.push(hash(buf, s, e));
          continue;
        }
        cells[k].push(
          buf[s] === quote ? fieldBytes(buf, s, e, quote).toString('latin1') : buf.toString('latin1', s, e),
        );
      }
    },
    result: () => ({ cells, missing: Float64Array.from(missing) }),
  };
}

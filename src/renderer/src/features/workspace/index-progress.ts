// Overall indexing progress over every open log: the folder list's figures, overridden by the
// newer ones `indexProgress` events carry.
import type { FolderInfo, LogInfo } from '../../../../shared/model';

export interface IndexProgress {
  bytesIndexed: number;
  bytesTotal: number;
  rows: number;
}

export const progressKey = (folderId: string, file: string): string => `${folderId}/${file}`;

interface FolderSums extends IndexProgress {
  byFile?: Map<string, LogInfo>;
}

/** Each folder's own figures, summed once per snapshot (a folder may hold 20,000 logs). */
const sums = new WeakMap<FolderInfo, FolderSums>();

function folderSums(folder: FolderInfo): FolderSums {
  let found = sums.get(folder);
  if (!found) {
    found = { bytesIndexed: 0, bytesTotal: 0, rows: 0 };
    for (const l of folder.logs) add(found, l, 1);
    sums.set(folder, found);
  }
  return found;
}

function add(to: IndexProgress, p: IndexProgress, sign: 1 | -1): void {
  to.bytesIndexed += sign * Math.min(p.bytesIndexed, p.bytesTotal);
  to.bytesTotal += sign * p.bytesTotal;
  to.rows += sign * p.rows;
}

/**
 * Null when every log is fully indexed. A log's event, newer than the folders' list, takes the
 * place of its figures there; an event of a log the list does not hold yet is left out.
 */
export function overallProgress(
  folders: FolderInfo[],
  events: Map<string, IndexProgress>,
): IndexProgress | null {
  const total: IndexProgress = { bytesIndexed: 0, bytesTotal: 0, rows: 0 };
  const byId = new Map(folders.map((f) => [f.id, f]));
  for (const f of folders) add(total, folderSums(f), 1);
  for (const [key, p] of events) {
    // A folder id holds no `/`; the log's path in its folder may.
    const folder = byId.get(key.slice(0, key.indexOf('/')));
    if (!folder) continue;
    const folderSum = folderSums(folder);
    folderSum.byFile ??= new Map(folder.logs.map((l) => [l.file, l]));
    const listed = folderSum.byFile.get(key.slice(key.indexOf('/') + 1));
    if (!listed) continue;
    add(total, listed, -1);
    add(total, p, 1);
  }
  return total.bytesIndexed < total.bytesTotal ? total : null;
}

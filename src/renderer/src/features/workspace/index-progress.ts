// Overall indexing progress over every open log: the folder list's figures, overridden by the
// newer ones `indexProgress` events carry.
import type { FolderInfo } from '../../../../shared/model';

export interface IndexProgress {
  bytesIndexed: number;
  bytesTotal: number;
  rows: number;
}

export const progressKey = (folderId: string, file: string): string => `${folderId}/${file}`;

/** Null when every log is fully indexed. */
export function overallProgress(
  folders: FolderInfo[],
  events: Map<string, IndexProgress>,
): IndexProgress | null {
  let indexed = 0;
  let total = 0;
  let rows = 0;
  // Only logs being indexed have events: a folder of 20,000 sample logs without any is summed as
  // it is, not looked up log by log (a folder id holds no `/`).
  const withEvents = new Set([...events.keys()].map((key) => key.slice(0, key.indexOf('/'))));
  for (const f of folders) {
    const looked = withEvents.has(f.id);
    for (const l of f.logs) {
      const p = (looked && events.get(progressKey(f.id, l.file))) || l;
      indexed += Math.min(p.bytesIndexed, p.bytesTotal);
      total += p.bytesTotal;
      rows += p.rows;
    }
  }
  return indexed < total ? { bytesIndexed: indexed, bytesTotal: total, rows } : null;
}

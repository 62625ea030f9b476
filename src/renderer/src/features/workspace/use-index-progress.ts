// Progress of the background indexing, over all logs, from the folder list and `indexProgress`.
import { useEffect, useState } from 'react';
import type { FolderInfo } from '../../../../shared/model';
import { useApi } from '../../app/api-context';

export interface IndexProgress {
  bytesIndexed: number;
  bytesTotal: number;
  rows: number;
}

/** Overall progress, or null when every log is fully indexed. */
export function useIndexProgress(folders: FolderInfo[]): IndexProgress | null {
  const { client } = useApi();
  // Events carry newer figures than the folder list; they win where both exist.
  const [events, setEvents] = useState<Map<string, IndexProgress>>(new Map());
  useEffect(
    () =>
      client.on('indexProgress', (p) => setEvents((old) => new Map(old).set(`${p.folderId}/${p.file}`, p))),
    [client],
  );

  let indexed = 0;
  let total = 0;
  let rows = 0;
  for (const f of folders) {
    for (const l of f.logs) {
      const p = events.get(`${f.id}/${l.file}`) ?? l;
      indexed += Math.min(p.bytesIndexed, p.bytesTotal);
      total += p.bytesTotal;
      rows += p.rows;
    }
  }
  return indexed < total ? { bytesIndexed: indexed, bytesTotal: total, rows } : null;
}

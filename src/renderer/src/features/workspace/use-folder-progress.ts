// How far the review of each open folder is: reviewed N of M (any status but unreviewed), and its
// counts per status and reason (the footer's per-folder progress), fetched again (at most every 300 ms) when reviews change or rows are appended.
import { useEffect, useMemo, useState } from 'react';
import type { Facets } from '../../../../shared/api';
import type { FolderInfo } from '../../../../shared/model';
import { useApi } from '../../common/api-context';

export interface FolderProgress {
  reviewed: number;
  total: number;
  /** The folder's counts per status and per reason. */
  facets: Facets;
}

export function useFolderProgress(folders: FolderInfo[]): Map<string, FolderProgress> {
  const { client } = useApi();
  const [progress, setProgress] = useState(new Map<string, FolderProgress>());
  const [version, setVersion] = useState(0);
  const ids = folders.map((f) => f.id).join('\u0000');
  const rows = useMemo(
    () => folders.reduce((n, f) => n + f.logs.reduce((m, l) => m + l.rows, 0), 0),
    [folders],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bump = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), 300);
    };
    const offs = [client.on('reviewChanged', bump), client.on('logReset', bump)];
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [client]);

  useEffect(() => {
    let live = true;
    const folderIds = ids === '' ? [] : ids.split('\u0000');
    void Promise.all(
      folderIds.map(async (id) => {
        const facets = await client.call('samples.facets', { filter: { folderIds: [id] } });
        const unreviewed = facets.byStatus.unreviewed ?? 0;
        return [id, { reviewed: facets.total - unreviewed, total: facets.total, facets }] as const;
      }),
    )
      .then((pairs) => live && setProgress(new Map(pairs)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, ids, rows, version]);

  return progress;
}

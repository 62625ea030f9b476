// Indexing progress, kept current by `indexProgress` events.
import { useEffect, useState } from 'react';
import type { FolderInfo } from '../../../../shared/model';
import { useApi } from '../../common/api-context';
import { overallProgress, progressKey, type IndexProgress } from './index-progress';

export type { IndexProgress };

export function useIndexProgress(folders: FolderInfo[]): IndexProgress | null {
  const { client } = useApi();
  const [events, setEvents] = useState<Map<string, IndexProgress>>(new Map());
  useEffect(
    () =>
      client.on('indexProgress', (p) =>
        setEvents((old) => new Map(old).set(progressKey(p.folderId, p.file), p)),
      ),
    [client],
  );
  return overallProgress(folders, events);
}

// Indexing progress, kept current by `indexProgress` events.
import { useEffect, useMemo, useState } from 'react';
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
  // A new list of the folders holds each log's figures as of when it was made: the events before it
  // are dropped, so that the map holds only logs indexed since (React's state reset on a new prop).
  const [eventsSince, setEventsSince] = useState(folders);
  if (eventsSince !== folders) {
    setEventsSince(folders);
    setEvents(new Map());
  }
  // Once per change of either: the header renders far more often, and a folder may hold 20,000 logs.
  return useMemo(() => overallProgress(folders, events), [folders, events]);
}

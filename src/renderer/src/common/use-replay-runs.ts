// The replay runs of the open folders (newest first), for the table's `replay` column, its filter
// and the run picker; `version` moves while a run progresses and when one ends, so the rows (and
// their outcomes) are fetched again.
import { useEffect, useState } from 'react';
import type { FolderInfo } from '../../../shared/model';
import type { ReplayRunSummary } from '../../../shared/replay';
import { useApi } from './api-context';

export interface ReplayRunChoice {
  folderId: string;
  run: string;
  summary: ReplayRunSummary;
}

export interface ReplayRuns {
  runs: ReplayRunChoice[];
  version: number;
}

const PROGRESS_REFRESH_MS = 500;

export function useReplayRuns(folders: FolderInfo[]): ReplayRuns {
  const { client } = useApi();
  const [runs, setRuns] = useState<ReplayRunChoice[]>([]);
  const [version, setVersion] = useState(0);
  const scope = folders.map((f) => f.id).join('\u0000');

  useEffect(() => {
    let last = 0;
    const offs = [
      client.on('replayFinished', () => setVersion((v) => v + 1)),
      client.on('replayProgress', () => {
        const now = Date.now();
        if (now - last < PROGRESS_REFRESH_MS) return;
        last = now;
        setVersion((v) => v + 1);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);

  useEffect(() => {
    let live = true;
    const ids = scope === '' ? [] : scope.split('\u0000');
    void Promise.all(
      ids.map((folderId) =>
        client.call('replay.runs', { folderId }).then(
          ({ runs: found }) => found.map((summary) => ({ folderId, run: summary.run, summary })),
          () => [],
        ),
      ),
    ).then((found) => live && setRuns(found.flat()));
    return () => {
      live = false;
    };
  }, [client, scope, version]);

  return { runs, version };
}

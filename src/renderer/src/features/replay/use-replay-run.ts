// One replay run as the panel follows it: started through `replay.start`, kept current by
// `replayProgress` / `replayFinished` for its run id; cancellable.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../../../shared/api';
import type { ReplayCounts, ReplayFinished } from '../../../../shared/replay';
import { useApi } from '../../common/api-context';

export type ReplayRun =
  | { state: 'idle' }
  | { state: 'running'; run: string | null; done: number; total: number; counts: ReplayCounts | null }
  | { state: 'ended'; run: string; total: number; finished: ReplayFinished }
  | { state: 'failed'; message: string };

export function useReplayRun(): {
  job: ReplayRun;
  start(request: CallInput<'replay.start'>): Promise<void>;
  cancel(): void;
} {
  const { client } = useApi();
  const [job, setJob] = useState<ReplayRun>({ state: 'idle' });
  // A short run may finish before `replay.start` answers with its id: keep what finished meanwhile.
  const finishedEarly = useRef(new Map<string, ReplayFinished>());
  useEffect(
    () => client.on('replayFinished', (finished) => void finishedEarly.current.set(finished.run, finished)),
    [client],
  );
  const run = job.state === 'running' ? job.run : null;
  const total = job.state === 'running' ? job.total : 0;

  useEffect(() => {
    if (run === null) return;
    const offProgress = client.on('replayProgress', (progress) => {
      if (progress.run === run) setJob({ ...progress, state: 'running', run });
    });
    const offFinished = client.on('replayFinished', (finished) => {
      if (finished.run === run) setJob({ state: 'ended', run, total, finished });
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [client, run, total]);

  const start = useCallback(
    async (request: CallInput<'replay.start'>) => {
      setJob({ state: 'running', run: null, done: 0, total: 0, counts: null });
      try {
        const started = await client.call('replay.start', request);
        const early = finishedEarly.current.get(started.run);
        setJob((now) => {
          if (now.state !== 'running' || now.run !== null) return now;
          if (early) return { state: 'ended', run: started.run, total: started.total, finished: early };
          return { ...now, run: started.run, total: started.total };
        });
      } catch (error) {
        setJob({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [client],
  );

  const cancel = useCallback(() => {
    if (run !== null) void client.call('replay.cancel', { run });
  }, [client, run]);

  return { job, start, cancel };
}

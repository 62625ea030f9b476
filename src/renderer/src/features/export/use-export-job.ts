// One export run as the dialog follows it: started through `export.start`, then kept current by
// `exportProgress` / `exportFinished` events for its job id; cancellable.
import { useCallback, useEffect, useState } from 'react';
import type { ExportStart } from '../../../../shared/api';
import type { ExportProgress, ExportResult } from '../../../../shared/export';
import { useApi } from '../../common/api-context';

export type ExportJob =
  | { state: 'idle' }
  | { state: 'running'; jobId: string | null; progress: ExportProgress | null }
  | { state: 'done'; result: ExportResult }
  | { state: 'cancelled'; push: boolean }
  | { state: 'failed'; message: string };

export interface ExportJobControl {
  job: ExportJob;
  start(request: ExportStart): Promise<void>;
  cancel(): void;
  reset(): void;
}

export function useExportJob(): ExportJobControl {
  const { client } = useApi();
  const [job, setJob] = useState<ExportJob>({ state: 'idle' });
  const jobId = job.state === 'running' ? job.jobId : null;
  const [pushing, setPushing] = useState(false);

  useEffect(() => {
    if (jobId === null) return;
    const offProgress = client.on('exportProgress', (progress) => {
      if (progress.jobId === jobId) setJob({ state: 'running', jobId, progress });
    });
    const offFinished = client.on('exportFinished', (finished) => {
      if (finished.jobId !== jobId) return;
      if (finished.result) setJob({ state: 'done', result: finished.result });
      else if (finished.cancelled) setJob({ state: 'cancelled', push: pushing });
      else setJob({ state: 'failed', message: finished.error ?? 'the export failed' });
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [client, jobId, pushing]);

  const start = useCallback(
    async (request: ExportStart) => {
      setPushing(request.target.kind === 'hub');
      setJob({ state: 'running', jobId: null, progress: null });
      try {
        const started = await client.call('export.start', request);
        // Events may have arrived before the id did: keep whatever state they set.
        setJob((now) =>
          now.state === 'running' && now.jobId === null ? { ...now, jobId: started.jobId } : now,
        );
      } catch (error) {
        setJob({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [client],
  );

  const cancel = useCallback(() => {
    if (jobId !== null) void client.call('export.cancel', { jobId });
  }, [client, jobId]);

  return { job, start, cancel, reset: () => setJob({ state: 'idle' }) };
}

// The selection summary shown before an export runs (`export.summary`), fetched again when the
// selection changes.
import { useEffect, useState } from 'react';
import type { ExportSelection } from '../../../../shared/api';
import type { ExportSummary } from '../../../../shared/export';
import { useApi } from '../../common/api-context';

export interface SummaryState {
  summary: ExportSummary | null;
  loading: boolean;
  error: string | null;
}

interface Fetched {
  key: string;
  summary: ExportSummary | null;
  error: string | null;
}

export function useExportSummary(selection: ExportSelection): SummaryState {
  const { client } = useApi();
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const key = JSON.stringify(selection);
  useEffect(() => {
    let live = true;
    client
      .call('export.summary', JSON.parse(key) as ExportSelection)
      .then((summary) => live && setFetched({ key, summary, error: null }))
      .catch(
        (error: unknown) =>
          live &&
          setFetched({ key, summary: null, error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [client, key]);
  const current = fetched?.key === key;
  return {
    // The previous summary stays on screen while the next one is counted.
    summary: fetched?.summary ?? null,
    loading: !current,
    error: current ? (fetched?.error ?? null) : null,
  };
}

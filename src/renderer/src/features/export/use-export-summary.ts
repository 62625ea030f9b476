// The selection summary shown before an export runs, fetched again when the selection changes: the
// counts (`export.summary`, from the index: at once) and the files (`export.files`, which reads
// every selected row: seconds on 100k rows, so the export never waits for it).
import { useEffect, useState } from 'react';
import type { CallInput, CallOutput, ExportSelection } from '../../../../shared/api';
import type { ExportFiles, ExportSummary } from '../../../../shared/export';
import { useApi } from '../../common/api-context';

export interface SummaryState {
  summary: ExportSummary | null;
  loading: boolean;
  error: string | null;
  /** null while the selection's files are counted (an earlier selection's would mislead). */
  files: ExportFiles | null;
  filesError: string | null;
}

interface Fetched<T> {
  key: string;
  value: T | null;
  error: string | null;
}

type SelectionCall = 'export.summary' | 'export.files';

function useSelectionCall<N extends SelectionCall>(
  name: N,
  selection: ExportSelection,
): { value: CallOutput<N> | null; loading: boolean; error: string | null } {
  const { client } = useApi();
  const [fetched, setFetched] = useState<Fetched<CallOutput<N>> | null>(null);
  const key = JSON.stringify(selection);
  useEffect(() => {
    let live = true;
    client
      // Both calls take the selection itself.
      .call(name, JSON.parse(key) as CallInput<N>)
      .then((value) => live && setFetched({ key, value, error: null }))
      .catch(
        (error: unknown) =>
          live &&
          setFetched({ key, value: null, error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [client, name, key]);
  const current = fetched?.key === key;
  return {
    // The previous answer stays on screen while the next one is counted.
    value: fetched?.value ?? null,
    loading: !current,
    error: current ? (fetched?.error ?? null) : null,
  };
}

export function useExportSummary(selection: ExportSelection): SummaryState {
  const summary = useSelectionCall('export.summary', selection);
  const files = useSelectionCall('export.files', selection);
  return {
    summary: summary.value,
    loading: summary.loading,
    error: summary.error,
    files: files.loading ? null : files.value,
    filesError: files.error,
  };
}

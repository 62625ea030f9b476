// The flag options of one folder, and saving the reviewer's edits of them.
import { useCallback, useEffect, useState } from 'react';
import type { CustomFlagOption, FlagOptions } from '../../../../shared/api';
import { useApi } from '../../common/api-context';
import { errorMessage } from '../../common/errors';

export interface FlagOptionsState {
  options: FlagOptions | undefined;
  error: string | null;
  save(custom: CustomFlagOption[]): Promise<void>;
  reload(): void;
}

export function useFlagOptions(folderId: string | undefined): FlagOptionsState {
  const { client } = useApi();
  const [options, setOptions] = useState<FlagOptions>();
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!folderId) return;
    let live = true;
    client
      .call('review.options', { folderId })
      .then((o) => live && setOptions(o))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [client, folderId, version]);

  // New rows may bring a new flag value: read again at most every 300 ms while rows come (a demo
  // that flags every 150 ms asked once per row; each answer reads every log of the folder).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.on('rowsAppended', () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [client]);

  const save = useCallback(
    async (custom: CustomFlagOption[]) => {
      if (!folderId) return;
      try {
        setOptions(await client.call('review.setOptions', { folderId, custom }));
        setError(null);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [client, folderId],
  );

  return { options: folderId ? options : undefined, error, save, reload: () => setVersion((v) => v + 1) };
}

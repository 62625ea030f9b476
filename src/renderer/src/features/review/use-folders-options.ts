// The flag options (number-key order) of several folders at once: what option N means in each
// folder of a bulk selection.
import { useEffect, useState } from 'react';
import { useApi } from '../../common/api-context';
import { activeOptions } from './flag-options';

export function useFoldersOptions(folderIds: string[]): Map<string, string[]> {
  const { client } = useApi();
  const [options, setOptions] = useState(new Map<string, string[]>());
  const key = folderIds.join('\u0000');

  useEffect(() => {
    let live = true;
    const ids = key === '' ? [] : key.split('\u0000');
    void Promise.all(
      ids.map(async (folderId) => {
        const found = await client.call('review.options', { folderId }).catch(() => undefined);
        return [folderId, activeOptions(found)] as const;
      }),
    ).then((pairs) => live && setOptions(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [client, key]);

  return options;
}

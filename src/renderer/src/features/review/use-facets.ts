// Counts per status and per reason, for the whole workspace and for the current filter; refreshed
// (at most every 300 ms) when rows are appended or reviews change.
import { useCallback, useEffect, useState } from 'react';
import type { Facets, SampleFilter } from '../../../../shared/api';
import { useApi } from '../../common/api-context';

export interface FacetPair {
  all: Facets | undefined;
  filtered: Facets | undefined;
}

export interface FacetsState extends FacetPair {
  refresh(): void;
}

/** `scope` names what is open (e.g. the folder ids): counts are fetched again when it changes. */
export function useFacets(filter: SampleFilter, scope: string, enabled: boolean): FacetsState {
  const { client } = useApi();
  const [pair, setPair] = useState<FacetPair>({ all: undefined, filtered: undefined });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bump = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), 300);
    };
    const offs = [
      client.on('rowsAppended', bump),
      client.on('reviewChanged', bump),
      client.on('logReset', bump),
      client.on('indexProgress', (p) => p.bytesIndexed >= p.bytesTotal && bump()),
    ];
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [client, enabled]);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    Promise.all([client.call('samples.facets', { filter: {} }), client.call('samples.facets', { filter })])
      .then(([all, filtered]) => live && setPair({ all, filtered }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, filter, scope, version, enabled]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { ...pair, refresh };
}

// The Hub token as the settings screen sees it: set or not (never the token itself), and the
// calls that store or forget it.
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../common/api-context';
import { errorMessage } from '../../common/errors';

export interface HubToken {
  /** undefined while asking, null when this host keeps no token (serve mode). */
  set: boolean | null | undefined;
  message: string | null;
  busy: boolean;
  save(token: string): Promise<boolean>;
  clear(): Promise<void>;
}

export function useHubToken(): HubToken {
  const { client } = useApi();
  const [set, setSet] = useState<boolean | null | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    client
      .call('hubToken.status', {})
      .then((status) => live && setSet(status.set))
      .catch((e: unknown) => {
        if (!live) return;
        setSet(null);
        setMessage(errorMessage(e));
      });
    return () => {
      live = false;
    };
  }, [client]);

  const run = useCallback(async (action: () => Promise<{ set: boolean }>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      setSet((await action()).set);
      setMessage(done);
      return true;
    } catch (e) {
      setMessage(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    set,
    message,
    busy,
    save: (token) => run(() => client.call('hubToken.set', { token }), 'Token saved'),
    clear: async () => {
      await run(() => client.call('hubToken.clear', {}), 'Token removed');
    },
  };
}

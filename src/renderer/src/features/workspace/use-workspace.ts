// The open folders, kept current by `workspaceChanged`, plus opening, closing and recent paths.
import { useCallback, useEffect, useState } from 'react';
import type { FolderInfo, WorkspaceInfo } from '../../../../shared/model';
import { useApi } from '../../common/api-context';
import { errorMessage } from '../../common/errors';
import { newestSnapshot } from './newest-snapshot';

export interface Workspace {
  folders: FolderInfo[];
  loaded: boolean;
  recent: string[];
  error: string | null;
  busy: boolean;
  /** Resolves to the error shown (also kept in `error`), or null when the folders opened. */
  open(paths: string[]): Promise<string | null>;
  close(folderId: string): Promise<void>;
  pick(): Promise<void>;
}

const NO_FOLDERS: FolderInfo[] = [];

export function useWorkspace(): Workspace {
  const { client } = useApi();
  const [snapshot, setSnapshot] = useState<WorkspaceInfo | null>(null);
  const apply = useCallback((w: WorkspaceInfo) => setSnapshot((current) => newestSnapshot(current, w)), []);
  const folders = snapshot?.folders ?? NO_FOLDERS;
  const [loaded, setLoaded] = useState(false);
  const [recent, setRecent] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const off = client.on('workspaceChanged', apply);
    client
      .call('workspace.info', {})
      .then((w) => live && apply(w))
      .catch((e: unknown) => live && setError(errorMessage(e)))
      .finally(() => live && setLoaded(true));
    client
      .call('workspace.recent', {})
      .then((r) => live && setRecent(r.paths))
      .catch(() => undefined);
    return () => {
      live = false;
      off();
    };
  }, [client, apply]);

  const refreshRecent = useCallback(async () => {
    const r = await client.call('workspace.recent', {}).catch(() => null);
    if (r) setRecent(r.paths);
  }, [client]);

  const open = useCallback(
    async (paths: string[]): Promise<string | null> => {
      if (paths.length === 0) return null;
      setBusy(true);
      setError(null);
      try {
        const w = await client.call('workspace.open', { paths });
        apply(w);
        await refreshRecent();
        return null;
      } catch (e) {
        const message = `Could not open: ${errorMessage(e)}`;
        setError(message);
        // The paths that did open are on screen (workspaceChanged) and in Recent.
        await refreshRecent();
        return message;
      } finally {
        setBusy(false);
      }
    },
    [client, refreshRecent, apply],
  );

  const close = useCallback(
    async (folderId: string) => {
      try {
        apply(await client.call('workspace.close', { folderId }));
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [client, apply],
  );

  const pick = useCallback(async () => {
    try {
      const { paths } = await client.call('workspace.pickFolder', {});
      await open(paths);
    } catch (e) {
      setError(`No folder dialog here (${errorMessage(e)}): type the folder's path instead.`);
    }
  }, [client, open]);

  return { folders, loaded, recent, error, busy, open, close, pick };
}

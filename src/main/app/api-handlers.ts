// One handler per call of the contract: the services' calls as they are, plus the few calls whose
// answer depends on the host (folder dialog, file manager, media URLs).
import type { Handlers } from '../../shared/api';
import type { WorkspaceInfo } from '../../shared/model';
import { badInput, notFound, notOpen } from '../../shared/call-errors';
import { resolveMediaPath, unsafePathReason } from '../media/resolve';
import type { MediaFolder } from '../media/service';
import { UnavailableError } from './dispatch';
import type { HubTokenStore } from './hub-token';
import type { HostServices } from './host-services';

type HostCalls =
  | 'workspace.pickFolder'
  | 'media.url'
  | 'file.reveal'
  | 'hubToken.status'
  | 'hubToken.set'
  | 'hubToken.clear';
/** The calls the workspace/index and review services answer. */
export type ServiceCalls = Omit<Handlers, HostCalls | 'workspace.deltaBase'>;

export interface HandlerParts {
  services: ServiceCalls;
  host: HostServices;
  folderOf(folderId: string): MediaFolder | undefined;
  /** The snapshot the hosts' next `workspaceDelta` applies to (wire-events.ts). */
  deltaBase(): WorkspaceInfo | null;
}

export function createHandlers({ services, host, folderOf, deltaBase }: HandlerParts): Handlers {
  function folder(folderId: string): MediaFolder {
    const found = folderOf(folderId);
    if (!found) throw notOpen(folderId);
    return found;
  }
  function tokenStore(): HubTokenStore {
    if (!host.hubToken) {
      throw new UnavailableError(
        'only the desktop app stores a Hub token (encrypted with the system keychain)',
      );
    }
    return host.hubToken;
  }
  return {
    ...services,
    'workspace.pickFolder': async () => ({ paths: await host.pickFolder() }),
    'workspace.deltaBase': async () => deltaBase(),
    'media.url': async ({ folderId, path, thumb }) => {
      folder(folderId);
      const unsafe = unsafePathReason(path);
      if (unsafe) throw badInput(`${unsafe}: ${JSON.stringify(path)}`);
      return { url: host.mediaUrl(folderId, path, { thumb }) };
    },
    'file.reveal': async ({ folderId, path }) => {
      const resolved = await resolveMediaPath(folder(folderId).root, path);
      if (!resolved.ok) throw notFound(resolved.reason);
      await host.reveal(resolved.file);
      return {};
    },
    'hubToken.status': async () => ({ set: await tokenStore().isSet() }),
    'hubToken.set': async ({ token }) => {
      await tokenStore().set(token);
      return { set: true };
    },
    'hubToken.clear': async () => {
      await tokenStore().clear();
      return { set: false };
    },
  };
}

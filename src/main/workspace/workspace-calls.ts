// The workspace's share of the API contract, ready for a host: the `workspace.*` and `samples.*`
// handlers, and what the review service needs from the index (ReviewTargets).
import type { Handlers } from '../../shared/api';
import type { ReviewTargets } from '../review/workspace-review';
import type { Workspace } from './workspace';

export type WorkspaceCalls =
  | 'workspace.open'
  | 'workspace.close'
  | 'workspace.info'
  | 'workspace.recent'
  | 'samples.query'
  | 'samples.get'
  | 'samples.facets';

export function workspaceHandlers(workspace: Workspace): Pick<Handlers, WorkspaceCalls> {
  return {
    'workspace.open': ({ paths }) => workspace.open(paths),
    'workspace.close': ({ folderId }) => workspace.close(folderId),
    'workspace.info': async () => workspace.info(),
    'workspace.recent': async () => ({ paths: await workspace.recent() }),
    'samples.query': (input) => workspace.query(input),
    'samples.get': (ref) => workspace.get(ref),
    'samples.facets': ({ filter }) => workspace.facets(filter),
  };
}

export function reviewTargets(workspace: Workspace): ReviewTargets {
  return {
    identify: (folderId, ids) => workspace.identify(folderId, ids),
    matching: (filter) => workspace.matching(filter),
    flagValues: async (folderId) => workspace.flagValues(folderId),
    rowHash: (folderId, id) => workspace.rowHash(folderId, id),
    folderLabel: (folderId) => workspace.folderRoot(folderId),
  };
}

// The real services behind the app: the workspace/index (workspace.*, samples.*) and the review
// journal (review.*), wired to each other. The index supplies sample identities to the review;
// the review's stores feed the index's status/reason columns.
import { join } from 'node:path';
import { locateReview } from '../review/location';
import { defaultReviewer } from '../review/open-review';
import { WorkspaceReview } from '../review/workspace-review';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import type { ServicesFactory } from './compose';

export const createServices: ServicesFactory = async ({ dataDir, reviewer, emit, log }) => {
  // The review asks the workspace for identities; the workspace asks the review for stores.
  // (The review only calls back once a folder is open, after `ws` exists.)
  const review = new WorkspaceReview({
    dataDir,
    reviewer: reviewer ?? defaultReviewer(),
    targets: {
      identify: (folderId, ids) => ws.identify(folderId, ids),
      matching: (filter) => ws.matching(filter),
      flagValues: async (folderId) => ws.flagValues(folderId),
      rowHash: (folderId, id) => ws.rowHash(folderId, id),
    },
    emit: (payload) => emit('reviewChanged', payload),
  });
  const ws: Workspace = createWorkspace({
    emit,
    log,
    reviewStoreFor: (folderId, root) => review.open(folderId, root),
    recentFile: join(dataDir, 'recent.json'),
  });

  return {
    calls: {
      'workspace.open': ({ paths }) => ws.open(paths),
      'workspace.close': async ({ folderId }) => {
        const info = await ws.close(folderId);
        await review.close(folderId);
        return info;
      },
      'workspace.info': async () => ws.info(),
      'workspace.recent': async () => ({ paths: await ws.recent() }),
      'samples.query': (input) => ws.query(input),
      'samples.get': (ref) => ws.get(ref),
      'samples.facets': ({ filter }) => ws.facets(filter),
      ...review.handlers(),
    },
    folderOf: (folderId) => {
      const root = ws.folderRoot(folderId);
      // Where thumbnails may be written is thumbDirOf's answer, so `readOnly` is not consulted.
      return root === undefined ? undefined : { root, readOnly: false };
    },
    thumbDirOf: async (root) => join((await locateReview(root, { dataDir })).dir, 'thumbs'),
    close: async () => {
      await ws.dispose();
      await review.closeAll();
    },
  };
};

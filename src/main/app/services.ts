// The real services behind the app: the workspace/index (workspace.*, samples.*) and the review
// journal (review.*), wired to each other. The index supplies sample identities to the review;
// the review's stores feed the index's status/reason columns.
import { join } from 'node:path';
import { exportHandlers } from '../export/export-jobs';
import { hubRunner } from '../export/hub/hub-job';
import { replayHandlers } from '../replay/replay-calls';
import { ReplayService } from '../replay/replay-service';
import { RunMarks } from '../replay/run-marks';
import { replayFilesMount } from '../replay/replay-media';
import { locateReview } from '../review/location';
import { defaultReviewer } from '../review/open-review';
import { WorkspaceReview } from '../review/workspace-review';
import { reviewTargets, workspaceHandlers } from '../workspace/workspace-calls';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import type { ServicesFactory } from './compose';

export const createServices: ServicesFactory = async ({
  dataDir,
  reviewer,
  emit,
  log,
  readKeychainToken,
  hubUrl,
}) => {
  // Each side needs the other; the workspace asks for a store only when a folder opens, by then
  // `review` exists.
  const ws: Workspace = createWorkspace({
    emit,
    log,
    reviewStoreFor: (folderId, root) => review.open(folderId, root),
    releaseStoreFor: (folderId) => review.close(folderId),
    recentFile: join(dataDir, 'recent.json'),
    indexCache: { dataDir },
    replayMarks: new RunMarks(dataDir),
  });
  const review = new WorkspaceReview({
    dataDir,
    reviewer: reviewer ?? defaultReviewer(),
    targets: reviewTargets(ws),
    emit: (payload) => emit('reviewChanged', payload),
  });
  const calls = workspaceHandlers(ws);

  return {
    calls: {
      ...calls,
      'workspace.close': async (args) => {
        const info = await calls['workspace.close'](args);
        await review.close(args.folderId);
        return info;
      },
      ...review.handlers(),
      ...exportHandlers({
        source: ws,
        emit,
        keyFile: join(dataDir, 'export-pseudonym.key'),
        log,
        runners: {
          hub: hubRunner({
            source: ws,
            keyFile: join(dataDir, 'export-pseudonym.key'),
            readKeychainToken,
            defaultHubUrl: hubUrl ?? process.env.HF_ENDPOINT,
          }),
        },
      }),
      ...replayHandlers(new ReplayService(ws, dataDir), emit, log),
    },
    folderOf: (folderId) => {
      const root = ws.folderRoot(folderId);
      // Where thumbnails may be written is thumbDirOf's answer, so `readOnly` is not consulted.
      return root === undefined ? undefined : { root, readOnly: false };
    },
    mediaMount: replayFilesMount(dataDir, (folderId) => ws.folderRoot(folderId)),
    thumbDirOf: async (root) => join((await locateReview(root, { dataDir })).dir, 'thumbs'),
    close: async () => {
      await ws.dispose();
      await review.closeAll();
    },
  };
};

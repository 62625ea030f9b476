// A workspace opened for a one-shot command (export, push): the folders indexed in full with their
// review journals, not followed, and not added to the app's recent folders.
import type { WorkspaceInfo } from '../../shared/model';
import { DEFAULT_TIMING } from '../follow/log-follower';
import { WorkspaceReview } from '../review/workspace-review';
import { defaultReviewer } from '../review/open-review';
import { reviewTargets } from '../workspace/workspace-calls';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { RunMarks } from '../replay/run-marks';

export interface OpenedWorkspace {
  ws: Workspace;
  close(): Promise<void>;
}

export async function openWorkspaceForExport(paths: string[], dataDir: string): Promise<OpenedWorkspace> {
  const ws: Workspace = createWorkspace({
    emit: () => undefined,
    follow: false,
    // A one-shot command reads each log whole, a last row without its line end included.
    timing: { ...DEFAULT_TIMING, finalQuietMs: -1 },
    // No first page is served before the whole index: no head start in this thread, no wait.
    firstBytes: 0,
    bulkDelayMs: 0,
    hostScans: true,
    reviewStoreFor: (folderId, root) => review.open(folderId, root),
    indexCache: { dataDir },
    // A `replay` filter (the latest run's outcomes) works in every one-shot command too.
    replayMarks: new RunMarks(dataDir),
  });
  const review = new WorkspaceReview({
    dataDir,
    reviewer: defaultReviewer(),
    targets: reviewTargets(ws),
    emit: () => undefined,
  });
  const close = async () => {
    await ws.dispose();
    await review.closeAll();
  };
  try {
    await ws.open(paths);
    await ws.whenIndexed();
  } catch (error) {
    await close();
    throw error;
  }
  // Only when there are any: asking for process.stderr loads node:net where it is a pipe.
  for (const line of folderProblemWarnings(ws.info())) console.error(line);
  return { ws, close };
}

/**
 * The folders' own problems as the command's warnings (a log that cannot be read is left out of
 * what the command does: it must not go unsaid).
 */
export function folderProblemWarnings(info: WorkspaceInfo): string[] {
  return info.folders.flatMap((folder) =>
    folder.problems.map((problem) => `flagdeck: ${folder.path}: ${problem}`),
  );
}

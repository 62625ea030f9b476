// An opened workspace with its real review journal, for export tests: folders copied to a temp
// folder (exports must never write into the fixtures), reviews applied through the journal.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ReviewPatch } from '../../../src/shared/api';
import { WorkspaceReview } from '../../../src/main/review/workspace-review';
import { reviewTargets } from '../../../src/main/workspace/workspace-calls';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/gradio');

export interface ExportWorld {
  base: string;
  ws: Workspace;
  /** Sets a review on samples given as `<log>#<row>` ids of the first folder. */
  review(ids: string[], patch: ReviewPatch): Promise<void>;
  close(): Promise<void>;
}

export async function openWorld(folders: string[]): Promise<ExportWorld> {
  const base = await mkdtemp(join(tmpdir(), 'flagdeck-export-'));
  const copies: string[] = [];
  for (const [i, folder] of folders.entries()) {
    const copy = join(base, `in${i}`, basename(folder));
    // Timestamps kept: a log written just now is one Gradio may still be appending to.
    await cp(folder, copy, { recursive: true, preserveTimestamps: true });
    copies.push(copy);
  }
  const ws: Workspace = createWorkspace({
    emit: () => undefined,
    follow: false,
    reviewStoreFor: (folderId, root) => review.open(folderId, root),
  });
  const review = new WorkspaceReview({
    dataDir: join(base, 'data'),
    reviewer: 'tester',
    targets: reviewTargets(ws),
    emit: () => undefined,
  });
  await ws.open(copies);
  await ws.whenIndexed();
  return {
    base,
    ws,
    async review(ids, patch) {
      const folderId = ws.info().folders[0].id;
      await review.edit({ targets: { samples: ids.map((id) => ({ folderId, id })) }, patch }, 'tester');
    },
    async close() {
      await ws.dispose();
      await review.closeAll();
      await rm(base, { recursive: true, force: true });
    },
  };
}

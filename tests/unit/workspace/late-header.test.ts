// A new log whose header is still being written when the watcher first reports it joins the
// workspace even when the change event that completes the header is dropped (as file-change events
// are, in bursts): the poll looks at it again.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import type { FolderEvents } from '../../../src/main/follow/folder-watch';
import { until } from '../../support/until';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo();
});

/** A watcher that reports only what the test tells it to (every other event is "dropped"). */
function scriptedWatcher() {
  const scripted = {
    report: undefined as FolderEvents | undefined,
    watch: async (_root: string, events: FolderEvents) => {
      scripted.report = events;
      return { close: async () => {} };
    },
  };
  return scripted;
}

describe('a new log reported before its header is whole', () => {
  it('joins the workspace on a later poll, without another event', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-late-header-'));
    writeFileSync(join(root, 'dataset1.csv'), 'text,flag,timestamp\na,,2024-06-01 10:00:00\n');
    const watcher = scriptedWatcher();
    const added: string[] = [];
    const ws: Workspace = createWorkspace({
      emit: (event, payload) => {
        if (event === 'logAdded') added.push((payload as { file: string }).file);
      },
      pollMs: 50,
      watchFolder: watcher.watch,
    });
    cleanup.push(() => ws.dispose());
    const [folder] = (await ws.open([root])).folders;
    await ws.whenIndexed();

    const second = join(root, 'dataset2.csv');
    writeFileSync(second, 'text,fl');
    watcher.report?.changed('dataset2.csv', true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(added).toEqual([]);

    // The rest of the header and a row arrive; their change event never reaches us.
    appendFileSync(second, 'ag,timestamp\nb,wrong,2024-06-01 10:01:00\n');
    await until(() => added.includes('dataset2.csv'), 'dataset2.csv to join');
    const page = await ws.query({ filter: { folderIds: [folder.id] }, offset: 0, limit: 10 });
    expect(page.total).toBe(2);
  });
});

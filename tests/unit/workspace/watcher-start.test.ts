// The open of a folder does not wait for its watcher (chokidar lstats every entry of the folder's
// directories first: seconds for 100,000 hash directories); a log written before the watcher
// watches is found once it does, and a folder closed meanwhile leaves no watcher behind. A change
// the watcher cannot name has the folder looked through.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import type { FolderEvents } from '../../../src/main/follow/folder-watch';
import { until } from '../../support/until';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo();
});

/** A watcher that is ready only when the test says so, and reports nothing. */
function slowWatcher() {
  const state = { started: 0, closed: 0, ready: () => {} };
  const watch = async (): Promise<{ close(): Promise<void> }> => {
    state.started++;
    await new Promise<void>((resolve) => (state.ready = resolve));
    return { close: async () => void state.closed++ };
  };
  return { state, watch };
}

function folderWithLog(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-watcher-start-'));
  writeFileSync(join(root, 'dataset1.csv'), 'text,flag,timestamp\na,,2024-06-01 10:00:00\n');
  return root;
}

describe('a folder whose watcher is slow to start', () => {
  it('opens without waiting for it, and finds a log written before it watched', async () => {
    const root = folderWithLog();
    const { state, watch } = slowWatcher();
    const added: string[] = [];
    const ws: Workspace = createWorkspace({
      emit: (event, payload) => void (event === 'logAdded' && added.push((payload as { file: string }).file)),
      pollMs: 0,
      watchFolder: watch,
    });
    cleanup.push(() => ws.dispose());
    const [folder] = (await ws.open([root])).folders;
    expect(state.started).toBe(1);
    const page = await ws.query({ filter: { folderIds: [folder.id] }, offset: 0, limit: 10 });
    expect(page.total).toBe(1);

    writeFileSync(join(root, 'dataset2.csv'), 'text,flag,timestamp\nb,wrong,2024-06-01 10:01:00\n');
    state.ready();
    await until(() => added.includes('dataset2.csv'), 'dataset2.csv to join');
    const both = await ws.query({ filter: { folderIds: [folder.id] }, offset: 0, limit: 10 });
    expect(both.total).toBe(2);
  });

  it('closes the watcher that becomes ready after its folder was closed', async () => {
    const { state, watch } = slowWatcher();
    const ws = createWorkspace({ emit: () => {}, pollMs: 0, watchFolder: watch });
    const [folder] = (await ws.open([folderWithLog()])).folders;
    const closing = ws.close(folder.id);
    state.ready();
    await closing;
    expect(state.closed).toBe(1);
    await ws.dispose();
  });
});

describe('a change the watcher could not name', () => {
  it('has the folder looked through for new logs', async () => {
    const root = folderWithLog();
    let events: FolderEvents | undefined;
    const watch = async (_root: string, told: FolderEvents) => {
      events = told;
      return { close: async () => undefined };
    };
    const added: string[] = [];
    const ws = createWorkspace({
      emit: (event, payload) => void (event === 'logAdded' && added.push((payload as { file: string }).file)),
      pollMs: 0,
      watchFolder: watch,
    });
    cleanup.push(() => ws.dispose());
    await ws.open([root]);
    await ws.whenIdle();
    writeFileSync(join(root, 'dataset2.csv'), 'text,flag,timestamp\nb,wrong,2024-06-01 10:01:00\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(added).toEqual([]);
    for (let i = 0; i < 3; i++) events?.rescan();
    await until(() => added.includes('dataset2.csv'), 'dataset2.csv to join');
    expect(added).toEqual(['dataset2.csv']);
  });
});

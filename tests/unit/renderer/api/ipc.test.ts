import { describe, expect, it, vi } from 'vitest';
import { createIpcClient } from '../../../../src/renderer/src/api/ipc';
import type { EventName } from '../../../../src/shared/api';
import type { WorkspaceInfo } from '../../../../src/shared/model';
import { workspaceDelta } from '../../../../src/shared/workspace-delta';
import { folderInfo, logInfo } from '../../../support/workspace-snapshots';

/** The preload's bridge as the renderer sees it, with a way to send it events. */
function fakeBridge(base: WorkspaceInfo | null) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async () => ({ ok: true as const, value: base }));
  return {
    bridge: {
      invoke,
      on: (event: EventName, listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => void set.delete(listener);
      },
      pathForFile: () => '',
    },
    send: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
    listening: (event: EventName) => listeners.get(event)?.size ?? 0,
    invoke,
  };
}

const snapshot = (revision: number, files: string[]): WorkspaceInfo => ({
  revision,
  folders: [
    folderInfo(
      'f1',
      files.map((file) => logInfo(file)),
    ),
  ],
});

describe('IPC transport: the workspace, sent as deltas', () => {
  it('makes each delta whole once for every listener, and stops listening with the last', async () => {
    const one = snapshot(1, ['a.csv']);
    const two = snapshot(2, ['a.csv', 'b.csv']);
    two.folders[0].logs[0] = one.folders[0].logs[0];
    const { bridge, send, listening, invoke } = fakeBridge(null);
    const client = createIpcClient(bridge);
    const [first, second]: WorkspaceInfo[][] = [[], []];
    const stopFirst = client.on('workspaceChanged', (payload) => first.push(payload));
    const stopSecond = client.on('workspaceChanged', (payload) => second.push(payload));
    expect(listening('workspaceDelta')).toBe(1);
    send('workspaceDelta', workspaceDelta(undefined, one));
    send('workspaceDelta', workspaceDelta(one, two));
    await vi.waitFor(() => expect(second).toHaveLength(2));
    expect(first).toEqual([one, two]);
    expect(second).toEqual([one, two]);
    expect(invoke).not.toHaveBeenCalled();
    stopFirst();
    expect(listening('workspaceDelta')).toBe(1);
    stopSecond();
    expect(listening('workspaceDelta')).toBe(0);
  });

  it("reads the host's base when it joins the deltas late", async () => {
    const three = snapshot(3, ['a.csv', 'b.csv', 'c.csv']);
    const { bridge, send, invoke } = fakeBridge(three);
    const client = createIpcClient(bridge);
    const seen: WorkspaceInfo[] = [];
    client.on('workspaceChanged', (payload) => seen.push(payload));
    send('workspaceDelta', workspaceDelta(snapshot(2, ['a.csv']), three));
    await vi.waitFor(() => expect(seen).toEqual([three]));
    expect(invoke).toHaveBeenCalledWith('workspace.deltaBase', {});
  });
});

import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/api';
import type { LogInfo, WorkspaceInfo } from '../../../src/shared/model';
import { createEventHub } from '../../../src/main/app/events';
import { createWireEvents } from '../../../src/main/app/wire-events';
import { folderInfo, logInfo } from '../../support/workspace-snapshots';

const log = (rows: number): LogInfo => logInfo('log.csv', rows);
const folder = folderInfo('f1', []);
const snapshot = (revision: number, logs: LogInfo[]): WorkspaceInfo => ({
  revision,
  folders: [{ ...folder, logs }],
});

describe('the events as the hosts send them', () => {
  it('sends the workspace as a change of the snapshot sent before, other events as they are', () => {
    const hub = createEventHub();
    const wire = createWireEvents(hub);
    const sent: [EventName, unknown][] = [];
    wire.subscribe((event, payload) => sent.push([event, payload]));
    const [kept, grown] = [log(1), log(2)];
    expect(wire.base()).toBeNull();
    hub.emit('workspaceChanged', snapshot(4, [kept]));
    hub.emit('logAdded', { folderId: 'f1', file: 'b.csv' });
    hub.emit('workspaceChanged', snapshot(5, [kept]));
    hub.emit('workspaceChanged', snapshot(6, [grown]));
    expect(sent).toEqual([
      ['workspaceDelta', { revision: 4, base: null, folders: [{ ...folder, logs: [kept] }] }],
      ['logAdded', { folderId: 'f1', file: 'b.csv' }],
      ['workspaceDelta', { revision: 5, base: 4, folders: [{ ...folder, logs: [1] }] }],
      ['workspaceDelta', { revision: 6, base: 5, folders: [{ ...folder, logs: [-1, grown] }] }],
    ]);
    // What `workspace.deltaBase` answers: the snapshot the next delta applies to.
    expect(wire.base()).toEqual(snapshot(6, [grown]));
  });
});

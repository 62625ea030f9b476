// The events as the hosts send them: `workspaceChanged` as a change of the snapshot sent before
// (shared/workspace-delta.ts), every other event as it is. One stream for the process, whose host
// sends it to all its windows or sockets; `base()` answers `workspace.deltaBase`, from which a
// client that missed a delta or joined late takes the stream up.
import type { WorkspaceInfo } from '../../shared/model';
import { workspaceDelta } from '../../shared/workspace-delta';
import { createEventHub, type AnyEventListener, type EventHub } from './events';

export interface WireEvents {
  subscribe(listener: AnyEventListener): () => void;
  /** The snapshot the next `workspaceDelta` applies to; null before the first. */
  base(): WorkspaceInfo | null;
}

export function createWireEvents(hub: EventHub, onListenerError?: (error: unknown) => void): WireEvents {
  const wire = createEventHub(onListenerError);
  let sent: WorkspaceInfo | undefined;
  hub.subscribe((event, payload) => {
    if (event !== 'workspaceChanged') return wire.emit(event, payload as never);
    const next = payload as WorkspaceInfo;
    const delta = workspaceDelta(sent, next);
    sent = next;
    wire.emit('workspaceDelta', delta);
  });
  return { subscribe: wire.subscribe, base: () => sent ?? null };
}

// Replies to `workspace.open` / `workspace.close` and `workspaceChanged` events travel on different
// channels, so an older snapshot can arrive after a newer one: applying it would show a folder that
// is already closed. The server numbers its snapshots; the screen keeps the highest.
import type { WorkspaceInfo } from '../../../../shared/model';

export function newestSnapshot(current: WorkspaceInfo | null, incoming: WorkspaceInfo): WorkspaceInfo {
  return current && current.revision > incoming.revision ? current : incoming;
}

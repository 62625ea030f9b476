// `workspaceChanged` made whole again from the host's deltas (shared/workspace-delta.ts). The last
// snapshot is kept; a delta of another base (an event missed while the socket was down, a window
// that joined late) has the host's base read once (`workspace.deltaBase`), and the deltas go on
// from it. Unchanged logs stay the same objects from one snapshot to the next.
import type { WorkspaceInfo } from '../../../shared/model';
import { applyWorkspaceDelta, type WorkspaceDelta } from '../../../shared/workspace-delta';

export class WorkspaceSnapshots {
  private last?: WorkspaceInfo;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readBase: () => Promise<WorkspaceInfo | null>,
    private readonly emit: (snapshot: WorkspaceInfo) => void,
  ) {}

  /** Takes deltas in the order they came, each once the one before is whole. */
  take(delta: WorkspaceDelta): void {
    this.turn = this.turn.then(() => this.apply(delta)).catch(() => undefined);
  }

  /** A snapshot read meanwhile (`workspace.info`): deltas older than it are passed over. */
  saw(snapshot: WorkspaceInfo): void {
    if (!this.last || snapshot.revision > this.last.revision) this.last = snapshot;
  }

  private async apply(delta: WorkspaceDelta): Promise<void> {
    if (this.last && delta.revision <= this.last.revision) return;
    // The host's base is this delta's snapshot or a newer one: it sent this delta before it answered.
    const next = applyWorkspaceDelta(this.last, delta) ?? (await this.readBase());
    if (!next || (this.last && next.revision <= this.last.revision)) return;
    this.last = next;
    this.emit(next);
  }
}

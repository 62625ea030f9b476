// Undo and redo stacks, one pair per session key. A host passes the calling window or connection
// as the session when it knows it, else the reviewer's name; the CLI uses the reviewer's name.
// A step may span several folders' journals (a bulk edit over a workspace filter): it is undone
// and redone as one.

/** What can take back one of its own edits by appending a new one (history stays append-only). */
export interface Revertible {
  /** Appends the inverse of `editId`; resolves to the new edit's id, or null when nothing was left to revert. */
  revert(editId: string, by: string): Promise<string | null>;
}

export interface StepPart {
  store: Revertible;
  editId: string;
}

const DEFAULT_DEPTH = 100;

export class UndoHistory {
  private readonly undos = new Map<string, StepPart[][]>();
  private readonly redos = new Map<string, StepPart[][]>();

  constructor(private readonly depth = DEFAULT_DEPTH) {}

  /** A new step by `session`: it can be undone, and what was undone before can no longer be redone. */
  record(session: string, parts: StepPart[]): void {
    if (parts.length === 0) return;
    push(this.undos, session, parts, this.depth);
    this.redos.delete(session);
  }

  /** Undoes the session's last step; resolves to the id of the edit that did it, or null. */
  undo(session: string, by: string): Promise<string | null> {
    return this.move(this.undos, this.redos, session, by);
  }

  redo(session: string, by: string): Promise<string | null> {
    return this.move(this.redos, this.undos, session, by);
  }

  /** The id of the step `undo` (or `redo`) would move next, if any. */
  next(session: string, kind: 'undo' | 'redo'): string | undefined {
    const steps = (kind === 'undo' ? this.undos : this.redos).get(session);
    const step = steps?.[steps.length - 1];
    return step && joinIds(step.map((part) => part.editId));
  }

  /** Forgets the steps made in one store (its folder was closed). */
  forget(store: Revertible): void {
    for (const stacks of [this.undos, this.redos]) {
      for (const [session, steps] of stacks) {
        const kept = steps
          .map((parts) => parts.filter((part) => part.store !== store))
          .filter((p) => p.length > 0);
        stacks.set(session, kept);
      }
    }
  }

  private async move(
    from: Map<string, StepPart[][]>,
    to: Map<string, StepPart[][]>,
    session: string,
    by: string,
  ): Promise<string | null> {
    const step = from.get(session)?.pop();
    if (!step) return null;
    const done: StepPart[] = [];
    for (const part of [...step].reverse()) {
      const editId = await part.store.revert(part.editId, by);
      if (editId) done.push({ store: part.store, editId });
    }
    if (done.length === 0) return null;
    push(to, session, done.reverse(), this.depth);
    return joinIds(done.map((part) => part.editId));
  }
}

/** The id reported for a step that spans several journals. */
export function joinIds(ids: string[]): string {
  return ids.join('+');
}

function push(stacks: Map<string, StepPart[][]>, session: string, parts: StepPart[], depth: number): void {
  let steps = stacks.get(session);
  if (!steps) stacks.set(session, (steps = []));
  steps.push(parts);
  if (steps.length > depth) steps.shift();
}

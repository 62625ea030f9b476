// Undo and redo stacks, one pair per session key. A host passes the calling window or connection
// as the session when it knows it, else the reviewer's name; the CLI uses the reviewer's name.
// One history may be shared by the stores of every folder of a workspace, so that "undo" takes
// back the caller's last step wherever it was made.

/** What can take back one of its own edits by appending a new one (history stays append-only). */
export interface Revertible {
  /** Appends the inverse of `editId`; resolves to the new edit's id, or null when nothing was left to revert. */
  revert(editId: string, by: string, session: string): Promise<string | null>;
}

interface Step {
  store: Revertible;
  editId: string;
}

const DEFAULT_DEPTH = 100;

export class UndoHistory {
  private readonly undos = new Map<string, Step[]>();
  private readonly redos = new Map<string, Step[]>();

  constructor(private readonly depth = DEFAULT_DEPTH) {}

  /** A new edit by `session`: it can be undone, and whatever was undone before can no longer be redone. */
  record(session: string, store: Revertible, editId: string): void {
    push(this.undos, session, { store, editId }, this.depth);
    this.redos.delete(session);
  }

  /** Undoes the session's last step; resolves to the id of the edit that did it, or null. */
  undo(session: string, by: string): Promise<string | null> {
    return this.move(this.undos, this.redos, session, by);
  }

  redo(session: string, by: string): Promise<string | null> {
    return this.move(this.redos, this.undos, session, by);
  }

  canUndo(session: string): boolean {
    return (this.undos.get(session)?.length ?? 0) > 0;
  }

  canRedo(session: string): boolean {
    return (this.redos.get(session)?.length ?? 0) > 0;
  }

  /** Forgets the steps made in one store (its folder was closed). */
  forget(store: Revertible): void {
    for (const stacks of [this.undos, this.redos])
      for (const [session, steps] of stacks)
        stacks.set(
          session,
          steps.filter((step) => step.store !== store),
        );
  }

  private async move(
    from: Map<string, Step[]>,
    to: Map<string, Step[]>,
    session: string,
    by: string,
  ): Promise<string | null> {
    const step = from.get(session)?.pop();
    if (!step) return null;
    const editId = await step.store.revert(step.editId, by, session).catch((error: unknown) => {
      from.get(session)?.push(step);
      throw error;
    });
    if (editId) push(to, session, { store: step.store, editId }, this.depth);
    return editId;
  }
}

function push(stacks: Map<string, Step[]>, session: string, step: Step, depth: number): void {
  let steps = stacks.get(session);
  if (!steps) stacks.set(session, (steps = []));
  steps.push(step);
  if (steps.length > depth) steps.shift();
}

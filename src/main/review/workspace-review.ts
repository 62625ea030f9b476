// The review side of a workspace: one journal per open folder, one undo history across them, and
// the `review.*` calls of the API contract. The index supplies the samples (`ReviewTargets`); the
// two are wired to each other in app/services.ts.
import type { CallArgs, CallOutput, EventPayload, Handlers, SampleFilter } from '../../shared/api';
import type { ReviewService, SampleIdentity } from './review-store';
import { notOpen } from '../../shared/call-errors';
import { EditSummaries, summarizeEdit } from './edit-summary';
import { openReview } from './open-review';
import { patchesPerFolder, type FolderOptions } from './reason-option';
import { joinIds, UndoHistory, type StepPart } from './undo-history';

/** What the review needs from the index. */
export interface ReviewTargets {
  /** The identities of one folder's samples, in the order given; an unknown id throws, naming it. */
  identify(folderId: string, ids: string[]): Promise<SampleIdentity[]>;
  /** Every sample matching a filter, by folder id (bulk edit of "all matching"). */
  matching(filter: SampleFilter): Promise<Map<string, SampleIdentity[]>>;
  /** The distinct values of the folder's flag columns. */
  flagValues(folderId: string): Iterable<string | null> | Promise<Iterable<string | null>>;
  /** How a folder is named to the user (its path), for messages. */
  folderLabel?(folderId: string): string | undefined;
  /** The sample's current row hash, so that edits of an older row (orphans) stay out of events. */
  rowHash?(folderId: string, id: string): string | undefined;
}

export interface WorkspaceReviewOptions {
  dataDir: string;
  /** The reviewer recorded with each change (and the undo session of the ready-made handlers). */
  reviewer: string;
  targets: ReviewTargets;
  emit(payload: EventPayload<'reviewChanged'>): void;
  pollMs?: number;
}

type ReviewCalls =
  'review.edit' | 'review.undo' | 'review.redo' | 'review.options' | 'review.setOptions' | 'review.history';

export class WorkspaceReview {
  private readonly history = new UndoHistory();
  private readonly summaries = new EditSummaries();
  private readonly stores = new Map<string, ReviewService>();

  constructor(private readonly options: WorkspaceReviewOptions) {}

  async open(folderId: string, root: string): Promise<ReviewService> {
    const existing = this.stores.get(folderId);
    if (existing) return existing;
    const store = await openReview(root, {
      dataDir: this.options.dataDir,
      reviewer: this.options.reviewer,
      pollMs: this.options.pollMs,
    });
    store.onChange((ids) => this.changed(folderId, store, ids));
    this.stores.set(folderId, store);
    return store;
  }

  /** The folder's review state (for the index's filters and rows). */
  store(folderId: string): ReviewService {
    const store = this.stores.get(folderId);
    if (!store) throw notOpen(folderId);
    return store;
  }

  async close(folderId: string): Promise<void> {
    const store = this.stores.get(folderId);
    if (!store) return;
    this.stores.delete(folderId);
    this.history.forget(store);
    await store.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.stores.keys()].map((folderId) => this.close(folderId)));
  }

  /**
   * One edit over explicit samples or a filter, possibly across folders: one undo step. Each
   * folder's part is all or nothing; when one folder fails after others were saved, the saved
   * parts stay one undo step and the error says exactly which folders have the edit.
   */
  async edit(
    input: CallArgs<'review.edit'>,
    session: string = this.options.reviewer,
  ): Promise<CallOutput<'review.edit'>> {
    const groups =
      'samples' in input.targets
        ? await this.identified(input.targets.samples)
        : await this.options.targets.matching(input.targets.filter);
    const { reasonOption } = input.patch;
    // Only a number key over several folders needs each folder's options (a config read each).
    const patches =
      reasonOption === undefined
        ? undefined
        : patchesPerFolder({ ...input.patch, reasonOption }, await this.optionsOf(groups));
    const parts: StepPart[] = [];
    const saved: string[] = [];
    let count = 0;
    for (const [folderId, samples] of groups) {
      const patch = patches ? patches.get(folderId) : input.patch;
      if (samples.length === 0 || !patch) continue;
      const store = this.store(folderId);
      let result;
      try {
        result = await store.edit(samples, patch, this.options.reviewer, { session, undoable: false });
      } catch (error) {
        this.history.record(session, parts);
        if (parts.length === 0) throw error;
        throw new Error(
          partialEditMessage(saved, folderLabel(store), error, joinIds(parts.map((p) => p.editId))),
          {
            cause: error,
          },
        );
      }
      parts.push({ store, editId: result.editId });
      if (result.count > 0) saved.push(`${folderLabel(store)} (${result.count} sample(s))`);
      count += result.count;
    }
    this.history.record(session, parts);
    const editId = joinIds(parts.map((part) => part.editId));
    this.summaries.set(editId, summarizeEdit(input.patch, count));
    return { editId, count };
  }

  async undo(session = this.options.reviewer): Promise<string | null> {
    return (await this.move('undo', session)).editId;
  }

  async redo(session = this.options.reviewer): Promise<string | null> {
    return (await this.move('redo', session)).editId;
  }

  /** Undoes or redoes the session's last step; `what` says what that step did ("drop on 3 samples"). */
  async move(
    kind: 'undo' | 'redo',
    session: string = this.options.reviewer,
  ): Promise<CallOutput<'review.undo'>> {
    const step = this.history.next(session, kind);
    const editId = await this.history[kind](session, this.options.reviewer);
    return { editId, what: this.summaries.carry(step, editId) };
  }

  /** The `review.*` handlers; the undo session is the caller's (a window, a tab), else the reviewer's. */
  handlers(): Pick<Handlers, ReviewCalls> {
    return {
      'review.edit': (input, caller) => this.edit(input, caller?.session),
      'review.undo': (_input, caller) => this.move('undo', caller?.session),
      'review.redo': (_input, caller) => this.move('redo', caller?.session),
      'review.options': ({ folderId }) => this.flagOptions(folderId),
      'review.setOptions': async ({ folderId, custom }) =>
        this.store(folderId).setOptions(folderId, await this.options.targets.flagValues(folderId), custom),
      'review.history': async ({ folderId, id }) => ({
        entries: await this.store(folderId).history(id),
      }),
    };
  }

  private async flagOptions(folderId: string): Promise<CallOutput<'review.options'>> {
    return this.store(folderId).options(folderId, await this.options.targets.flagValues(folderId));
  }

  /** The flag options of each folder with samples in an edit. */
  private async optionsOf(groups: Map<string, SampleIdentity[]>): Promise<Map<string, FolderOptions>> {
    const folders = new Map<string, FolderOptions>();
    for (const [folderId, samples] of groups) {
      if (samples.length === 0) continue;
      const label = this.options.targets.folderLabel?.(folderId) ?? folderId;
      folders.set(folderId, { label, options: await this.flagOptions(folderId) });
    }
    return folders;
  }

  private async identified(refs: { folderId: string; id: string }[]): Promise<Map<string, SampleIdentity[]>> {
    const ids = new Map<string, string[]>();
    for (const ref of refs) {
      const list = ids.get(ref.folderId);
      if (list) list.push(ref.id);
      else ids.set(ref.folderId, [ref.id]);
    }
    const groups = new Map<string, SampleIdentity[]>();
    for (const [folderId, list] of ids)
      groups.set(folderId, await this.options.targets.identify(folderId, list));
    return groups;
  }

  private changed(folderId: string, store: ReviewService, ids: string[]): void {
    const changes: EventPayload<'reviewChanged'>['changes'] = [];
    for (const id of ids) {
      const review = store.get(id, this.options.targets.rowHash?.(folderId, id));
      if (review) changes.push({ folderId, id, review });
    }
    if (changes.length > 0) this.options.emit({ changes });
  }
}

/** The flagging folder a store's journal belongs to (its journal may live in the data folder). */
function folderLabel(store: ReviewService): string {
  return store.location.folder ?? store.location.dir;
}

function partialEditMessage(saved: string[], failed: string, error: unknown, editId: string): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `the edit was saved only in part: saved in ${saved.join(', ')} (edit ${editId}, undo takes it back); not saved in ${failed}: ${reason}`;
}

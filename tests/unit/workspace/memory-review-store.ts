// A test double of the review journal: the journal's own fold, kept in memory (no file), with
// change listeners called at once.
import type { ReviewPatch } from '../../../src/shared/api';
import type { ReviewState } from '../../../src/shared/model';
import { editLines, patchToChanges } from '../../../src/main/review/edit-lines';
import { FoldedState, toReviewState } from '../../../src/main/review/fold';
import type { ReviewStore, SampleIdentity } from '../../../src/main/review/review-store';

export class MemoryReviewStore implements ReviewStore {
  private readonly folded = new FoldedState();
  private readonly listeners = new Set<(ids: string[]) => void>();
  private edits = 0;

  get(id: string, rowHash?: string): ReviewState | undefined {
    const fold = this.folded.get(id, rowHash);
    return fold ? toReviewState(fold) : undefined;
  }

  ids(): Iterable<string> {
    return this.folded.ids();
  }

  onChange(listener: (ids: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async edit(
    samples: SampleIdentity[],
    patch: ReviewPatch,
    by: string,
  ): Promise<{ editId: string; count: number }> {
    const stamp = { edit: `e${++this.edits}`, at: new Date().toISOString(), by };
    const { lines } = editLines(this.folded, samples, patchToChanges(patch), stamp);
    for (const line of lines) this.folded.apply(line);
    const ids = lines.map((line) => line.sample);
    for (const listener of this.listeners) listener(ids);
    return { editId: stamp.edit, count: lines.length };
  }
}

// A test double of the review journal: review states in a Map, change listeners called at once.
import type { ReviewPatch } from '../../../src/shared/api';
import type { ReviewState } from '../../../src/shared/model';
import type { ReviewStore, SampleIdentity } from '../../../src/main/review/review-store';

export class MemoryReviewStore implements ReviewStore {
  readonly states = new Map<string, ReviewState>();
  private readonly listeners = new Set<(ids: string[]) => void>();
  private edits = 0;

  get(id: string): ReviewState | undefined {
    return this.states.get(id);
  }

  ids(): Iterable<string> {
    return this.states.keys();
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
    for (const { id } of samples) {
      const previous = this.states.get(id) ?? { status: 'unreviewed', note: '' };
      const next: ReviewState = { ...previous, updatedBy: by };
      if (patch.status) next.status = patch.status;
      if (patch.note !== undefined) next.note = patch.note;
      if (patch.reason !== undefined) next.reason = patch.reason;
      if (patch.resetReason) delete next.reason;
      this.states.set(id, next);
    }
    for (const listener of this.listeners) listener(samples.map((s) => s.id));
    return { editId: `e${++this.edits}`, count: samples.length };
  }
}

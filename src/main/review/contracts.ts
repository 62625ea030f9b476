// The seam between the review journal (this folder) and the rest of the main process.
import type { ReviewPatch } from '../../shared/api';
import type { ReviewState } from '../../shared/model';

/** What the journal needs to know about a sample to accept an edit for it. */
export interface SampleIdentity {
  id: string;
  rowHash: string;
  originalReason: string | null;
}

/** The folded review state of one folder, kept current as the journal grows (any writer). */
export interface ReviewStore {
  /** The current state, or `undefined` when the sample was never edited. */
  get(id: string): ReviewState | undefined;
  /** Ids of every sample with review state (for filters on status / reason). */
  ids(): Iterable<string>;
  /** Called after any change, local or from another writer, with the ids that changed. */
  onChange(listener: (ids: string[]) => void): () => void;
  /** Appends one edit (one undo step) for many samples; resolves after fsync. */
  edit(samples: SampleIdentity[], patch: ReviewPatch, by: string): Promise<{ editId: string; count: number }>;
}

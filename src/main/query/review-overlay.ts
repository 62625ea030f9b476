// Review state of one log's rows as columns, so filters and sorts on status and current reason run
// over typed arrays. Filled from the folder's ReviewStore by the workspace.
import type { ReviewState, ReviewStatus } from '../../shared/model';
import { grown } from '../log-index/growable';
import type { Interner } from '../log-index/intern';
import { dataChanged } from '../platform/data-changes';

export const STATUSES: readonly ReviewStatus[] = ['unreviewed', 'keep', 'drop', 'unsure'];
/** `reasons[row]` when the reviewer did not set a reason (the original stands). */
export const ORIGINAL_REASON = -2;

export class ReviewOverlay {
  statuses = new Uint8Array(0);
  reasons = new Int32Array(0);
  /** Lowercased notes by row, for text search. */
  readonly notes = new Map<number, string>();
  version = 0;

  /** Sets the state of `row` (0-based); `undefined` = never edited. */
  set(row: number, state: ReviewState | undefined, reasons: Interner): void {
    if (row >= this.statuses.length) {
      const size = this.statuses.length;
      this.statuses = grown(this.statuses, row + 1);
      this.reasons = grown(this.reasons, row + 1);
      this.reasons.fill(ORIGINAL_REASON, size);
    }
    this.statuses[row] = state ? STATUSES.indexOf(state.status) : 0;
    const reason = state?.reason;
    this.reasons[row] = reason === undefined ? ORIGINAL_REASON : reason === null ? -1 : reasons.code(reason);
    if (state?.note) this.notes.set(row, state.note.toLowerCase());
    else this.notes.delete(row);
    this.changed();
  }

  status(row: number): number {
    return row < this.statuses.length ? this.statuses[row] : 0;
  }

  /** The current reason code of `row` given its original one. */
  reason(row: number, original: number): number {
    if (row >= this.reasons.length) return original;
    const reason = this.reasons[row];
    return reason === ORIGINAL_REASON ? original : reason;
  }

  clear(): void {
    this.statuses = new Uint8Array(0);
    this.reasons = new Int32Array(0);
    this.notes.clear();
    this.changed();
  }

  /** `version` moves, and the process's count of data changes (platform/data-changes.ts). */
  private changed(): void {
    this.version++;
    dataChanged();
  }
}

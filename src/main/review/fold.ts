// The journal folded into current state: per sample and row hash, the last value of each field.
// Concurrent writers resolve per field by time (last writer wins); a tie goes to the later line.
import type { ReviewState, ReviewStatus } from '../../shared/model';
import type { JournalLine } from './journal-line';

/** One field's current value and the change that set it. */
export interface FieldValue<T> {
  value: T;
  at: string;
  by: string;
  edit: string;
}

/** `undefined` reason = the original stands; `null` = cleared by the reviewer. */
export type ReasonValue = string | null | undefined;

export interface SampleFold {
  id: string;
  rowHash: string;
  reason?: FieldValue<ReasonValue>;
  status?: FieldValue<ReviewStatus>;
  note?: FieldValue<string>;
}

export type FieldName = 'reason' | 'status' | 'note';
export const FIELD_NAMES: readonly FieldName[] = ['reason', 'status', 'note'];

/** The fields a line sets, as field → value (a reset reason is the value `undefined`). */
export function changedFields(set: JournalLine['set']): Map<FieldName, unknown> {
  const fields = new Map<FieldName, unknown>();
  if (set.resetReason) fields.set('reason', undefined);
  else if (set.reason !== undefined) fields.set('reason', set.reason);
  if (set.status !== undefined) fields.set('status', set.status);
  if (set.note !== undefined) fields.set('note', set.note);
  return fields;
}

export function toReviewState(fold: SampleFold): ReviewState {
  const state: ReviewState = { status: fold.status?.value ?? 'unreviewed', note: fold.note?.value ?? '' };
  if (fold.reason && fold.reason.value !== undefined) state.reason = fold.reason.value;
  let latest: FieldValue<unknown> | undefined;
  for (const name of FIELD_NAMES) {
    const field = fold[name];
    if (field && (!latest || field.at >= latest.at)) latest = field;
  }
  if (latest) {
    state.updatedAt = latest.at;
    state.updatedBy = latest.by;
  }
  return state;
}

/** Sets one field unless it holds a later change (last writer wins by time; a tie goes to this line). */
function put(fold: SampleFold, name: FieldName, value: unknown, line: JournalLine): boolean {
  const current = fold[name];
  if (current && current.at > line.at) return false;
  setField(fold, name, { value, at: line.at, by: line.by, edit: line.edit });
  return true;
}

function setField(fold: SampleFold, name: FieldName, field: FieldValue<unknown>): void {
  // The value's type was checked by the line schema; each name only ever receives its own kind.
  if (name === 'reason') fold.reason = field as FieldValue<ReasonValue>;
  else if (name === 'status') fold.status = field as FieldValue<ReviewStatus>;
  else fold.note = field as FieldValue<string>;
}

/** Every sample's fold, keyed by id then row hash (more than one hash = the log row was rewritten). */
export class FoldedState {
  private readonly samples = new Map<string, Map<string, SampleFold>>();
  /** The row hash last written for each id, for callers that do not know the current hash. */
  private readonly latestHash = new Map<string, string>();

  /** Applies one line; true when it changed the state. */
  apply(line: JournalLine): boolean {
    const fold = this.foldOf(line.sample, line.rowHash);
    this.latestHash.set(line.sample, line.rowHash);
    // Field by field without building a map: this runs once per journal line (10,000 for a bulk edit).
    const { set } = line;
    let changed = false;
    if (set.resetReason) changed = put(fold, 'reason', undefined, line) || changed;
    else if (set.reason !== undefined) changed = put(fold, 'reason', set.reason, line) || changed;
    if (set.status !== undefined) changed = put(fold, 'status', set.status, line) || changed;
    if (set.note !== undefined) changed = put(fold, 'note', set.note, line) || changed;
    return changed;
  }

  get(id: string, rowHash?: string): SampleFold | undefined {
    const byHash = this.samples.get(id);
    const hash = rowHash ?? this.latestHash.get(id);
    return byHash && hash !== undefined ? byHash.get(hash) : undefined;
  }

  ids(): Iterable<string> {
    return this.samples.keys();
  }

  /** Every fold; for each id the most recently written row hash comes last (snapshots keep that order). */
  *all(): Iterable<SampleFold> {
    for (const [id, byHash] of this.samples) {
      const latest = this.latestHash.get(id);
      for (const fold of byHash.values()) if (fold.rowHash !== latest) yield fold;
      const last = latest === undefined ? undefined : byHash.get(latest);
      if (last) yield last;
    }
  }

  /** Restores folds saved by a snapshot, in their original order. */
  load(folds: Iterable<SampleFold>): void {
    for (const fold of folds) {
      let byHash = this.samples.get(fold.id);
      if (!byHash) this.samples.set(fold.id, (byHash = new Map()));
      byHash.set(fold.rowHash, fold);
      this.latestHash.set(fold.id, fold.rowHash);
    }
  }

  clear(): void {
    this.samples.clear();
    this.latestHash.clear();
  }

  private foldOf(id: string, rowHash: string): SampleFold {
    let byHash = this.samples.get(id);
    if (!byHash) this.samples.set(id, (byHash = new Map()));
    let fold = byHash.get(rowHash);
    if (!fold) byHash.set(rowHash, (fold = { id, rowHash }));
    return fold;
  }
}

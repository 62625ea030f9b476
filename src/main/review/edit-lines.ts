// Turns an edit (a patch over many samples) or the revert of an earlier edit into journal lines.
// Each line also records the values its fields had before (`was`), so that any process can revert
// an edit later from the journal alone (`flagdeck review --undo`, or after a restart).
import { randomBytes } from 'node:crypto';
import type { ReviewPatch } from '../../shared/api';
import type { SampleIdentity } from './review-store';
import { changedFields, type FieldName, type FoldedState, type SampleFold } from './fold';
import type { FieldChanges, JournalLine } from './journal-line';

/** The fields one edit changed on one sample: the values before (undefined = never set) and after. */
export interface SampleChange {
  id: string;
  rowHash: string;
  before: Map<FieldName, unknown>;
  after: Map<FieldName, unknown>;
}

export interface EditLines {
  lines: JournalLine[];
  changes: SampleChange[];
}

interface Stamp {
  edit: string;
  at: string;
  by: string;
}

export function newEditId(): string {
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

/** The journal form of a patch; refuses a patch that changes nothing or contradicts itself. */
export function patchToChanges(patch: ReviewPatch): FieldChanges {
  if (patch.resetReason && patch.reason !== undefined)
    throw new Error('an edit cannot both set and reset the reason');
  const set: FieldChanges = {};
  if (patch.resetReason) set.resetReason = true;
  else if (patch.reason !== undefined) set.reason = patch.reason;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.note !== undefined) set.note = patch.note;
  if (Object.keys(set).length === 0) throw new Error('an edit must change at least one field');
  return set;
}

/** One line per distinct sample, all with the same edit id and time. */
export function editLines(
  state: FoldedState,
  samples: SampleIdentity[],
  set: FieldChanges,
  stamp: Stamp,
): EditLines {
  const after = changedFields(set);
  const seen = new Set<string>();
  const result: EditLines = { lines: [], changes: [] };
  for (const sample of samples) {
    const key = `${sample.id}\n${sample.rowHash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const before = valuesOf(state.get(sample.id, sample.rowHash), after.keys());
    const was = toChanges(before);
    result.lines.push({ v: 1, ...stamp, sample: sample.id, rowHash: sample.rowHash, set, was });
    result.changes.push({ id: sample.id, rowHash: sample.rowHash, before, after });
  }
  return result;
}

/**
 * Lines restoring what `edit` replaced, for the fields that still hold the value it set (a field
 * someone changed since keeps that later change). Values, not edit ids, are compared so that undoing
 * two steps in a row works: the first undo restores the value the earlier step had set.
 */
export function revertLines(
  state: FoldedState,
  edit: { id: string; changes: SampleChange[] },
  stamp: Stamp,
): EditLines {
  const result: EditLines = { lines: [], changes: [] };
  for (const change of edit.changes) {
    const fold = state.get(change.id, change.rowHash);
    const before = new Map<FieldName, unknown>();
    const after = new Map<FieldName, unknown>();
    for (const [name, previous] of change.before) {
      const current = fold?.[name]?.value;
      if (effective(name, current) !== effective(name, change.after.get(name))) continue;
      before.set(name, current);
      after.set(name, previous);
    }
    if (before.size === 0) continue;
    const line = { v: 1 as const, ...stamp, sample: change.id, rowHash: change.rowHash };
    result.lines.push({ ...line, set: toChanges(after), was: toChanges(before), reverts: edit.id });
    result.changes.push({ id: change.id, rowHash: change.rowHash, before, after });
  }
  return result;
}

/** What an edit changed, rebuilt from its journal lines (null for lines written without `was`). */
export function changesFromLines(lines: JournalLine[]): SampleChange[] | null {
  const changes: SampleChange[] = [];
  for (const line of lines) {
    if (!line.was) return null;
    changes.push({
      id: line.sample,
      rowHash: line.rowHash,
      before: changedFields(line.was),
      after: changedFields(line.set),
    });
  }
  return changes;
}

function valuesOf(fold: SampleFold | undefined, names: Iterable<FieldName>): Map<FieldName, unknown> {
  return new Map([...names].map((name) => [name, fold?.[name]?.value]));
}

/** A field's value as the reviewer sees it: an unset status is `unreviewed`, an unset note empty. */
function effective(name: FieldName, value: unknown): unknown {
  if (name === 'status') return value ?? 'unreviewed';
  if (name === 'note') return value ?? '';
  return value;
}

/** The journal form of field values (an unset reason is a reset; unset status and note their defaults). */
function toChanges(values: Map<FieldName, unknown>): FieldChanges {
  const set: FieldChanges = {};
  for (const [name, value] of values) {
    if (name === 'reason') {
      if (value === undefined) set.resetReason = true;
      else set.reason = value as string | null;
    } else if (name === 'status') set.status = effective(name, value) as FieldChanges['status'];
    else set.note = effective(name, value) as string;
  }
  return set;
}

// Turns an edit (a patch over many samples) or the revert of an earlier edit into journal lines,
// and remembers each touched field's previous value so that the edit can be reverted later.
import { randomBytes } from 'node:crypto';
import type { ReviewPatch } from '../../shared/api';
import type { SampleIdentity } from './contracts';
import { changedFields, type FieldName, type FieldValue, type FoldedState } from './fold';
import type { FieldChanges, JournalLine } from './journal-line';

/** The fields one edit changed on one sample: the values they had before, and the values it set. */
export interface SampleChange {
  id: string;
  rowHash: string;
  before: Map<FieldName, FieldValue<unknown> | undefined>;
  after: Map<FieldName, unknown>;
}

export interface EditLines {
  lines: JournalLine[];
  changes: SampleChange[];
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
  stamp: { edit: string; at: string; by: string },
): EditLines {
  const after = changedFields(set);
  const fields = [...after.keys()];
  const seen = new Set<string>();
  const result: EditLines = { lines: [], changes: [] };
  for (const sample of samples) {
    const key = `${sample.id}\n${sample.rowHash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fold = state.get(sample.id, sample.rowHash);
    result.lines.push({ v: 1, ...stamp, sample: sample.id, rowHash: sample.rowHash, set });
    result.changes.push({
      id: sample.id,
      rowHash: sample.rowHash,
      before: new Map(fields.map((name) => [name, fold?.[name]])),
      after,
    });
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
  stamp: { edit: string; at: string; by: string },
): EditLines {
  const result: EditLines = { lines: [], changes: [] };
  for (const change of edit.changes) {
    const fold = state.get(change.id, change.rowHash);
    const set: FieldChanges = {};
    const before = new Map<FieldName, FieldValue<unknown> | undefined>();
    const after = new Map<FieldName, unknown>();
    for (const [name, previous] of change.before) {
      const current = fold?.[name];
      if (effective(name, current?.value) !== effective(name, change.after.get(name))) continue;
      restore(set, name, previous);
      before.set(name, current);
      after.set(name, previous?.value);
    }
    if (before.size === 0) continue;
    result.lines.push({ v: 1, ...stamp, sample: change.id, rowHash: change.rowHash, set, reverts: edit.id });
    result.changes.push({ id: change.id, rowHash: change.rowHash, before, after });
  }
  return result;
}

/** A field's value as the reviewer sees it: an unset status is `unreviewed`, an unset note empty. */
function effective(name: FieldName, value: unknown): unknown {
  if (name === 'status') return value ?? 'unreviewed';
  if (name === 'note') return value ?? '';
  return value;
}

function restore(set: FieldChanges, name: FieldName, previous: FieldValue<unknown> | undefined): void {
  const value = previous?.value;
  if (name === 'reason') {
    if (value === undefined) set.resetReason = true;
    else set.reason = value as string | null;
  } else if (name === 'status') set.status = (value as FieldChanges['status']) ?? 'unreviewed';
  else set.note = (value as string | undefined) ?? '';
}

// How a history entry reads: "status unreviewed → drop · reason (original) → wrong".
import type { HistoryEntry, ReviewFields, ReviewPatch } from '../../../../shared/api';

type Field = 'reason' | 'status' | 'note';

function valueOf(fields: ReviewFields | undefined, field: Field): string | undefined {
  if (!fields) return undefined;
  if (field === 'reason') {
    if (fields.resetReason) return '(original)';
    if (fields.reason === undefined) return undefined;
    return fields.reason === null ? '(cleared)' : fields.reason;
  }
  const value = fields[field];
  if (value === undefined) return undefined;
  return field === 'note' && value === '' ? '(empty)' : JSON.stringify(value).slice(1, -1);
}

/** The fields the entry changed, each "name before → after" (before left out when unknown). */
export function changeText(entry: HistoryEntry): string {
  const parts: string[] = [];
  for (const field of ['status', 'reason', 'note'] as const) {
    const after = valueOf(entry.set, field);
    if (after === undefined) continue;
    const before = valueOf(entry.was, field);
    parts.push(before === undefined ? `${field} → ${after}` : `${field} ${before} → ${after}`);
  }
  return parts.join(' · ');
}

/** The edit that puts back what the entry replaced, or null when the journal did not record it. */
export function undoPatch(entry: HistoryEntry): ReviewPatch | null {
  const was = entry.was;
  if (!was) return null;
  const patch: ReviewPatch = {};
  if (was.resetReason) patch.resetReason = true;
  else if (was.reason !== undefined) patch.reason = was.reason;
  if (was.status !== undefined) patch.status = was.status;
  if (was.note !== undefined) patch.note = was.note;
  return Object.keys(patch).length > 0 ? patch : null;
}

/** A journal time (ISO, UTC) in the reader's local time, to the second. */
export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

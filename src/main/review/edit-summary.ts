// What an edit did, in the words the status line uses ("drop on 3 samples"), so an undo or a redo
// can say what it took back or did again.
import type { ReviewPatch } from '../../shared/api';

function changes(patch: ReviewPatch): string[] {
  const said: string[] = [];
  if (patch.status !== undefined) said.push(patch.status);
  if (patch.resetReason) said.push('reason reset');
  else if (patch.reason === null) said.push('reason cleared');
  else if (patch.reason !== undefined) said.push(`reason "${patch.reason}"`);
  else if (patch.reasonOption !== undefined) said.push(`reason option ${patch.reasonOption}`);
  if (patch.note !== undefined) said.push(patch.note === '' ? 'note cleared' : 'note');
  return said;
}

export function summarizeEdit(patch: ReviewPatch, count: number): string {
  return `${changes(patch).join(', ')} on ${count} sample${count === 1 ? '' : 's'}`;
}

const KEEP = 1000;

/** Summaries by step id (an edit, its undo, its redo all share the first edit's summary). */
export class EditSummaries {
  private readonly byStep = new Map<string, string>();

  set(stepId: string, summary: string): void {
    this.byStep.set(stepId, summary);
    if (this.byStep.size > KEEP) this.byStep.delete(this.byStep.keys().next().value as string);
  }

  /** Carries the summary of the step that was moved over to the step that moved it. */
  carry(from: string | undefined, to: string | null): string | null {
    if (to === null) return null;
    const summary = (from && this.byStep.get(from)) ?? null;
    if (summary) this.set(to, summary);
    return summary;
  }
}

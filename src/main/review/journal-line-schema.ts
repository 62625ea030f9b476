// What a line of the review journal must hold, as zod checks it: loaded by the first read of a
// journal's lines (journal-line.ts), so that opening a folder nobody reviewed yet does not load zod.
import { z } from 'zod';
import { ReviewStatus } from '../../shared/model';

/** The fields one line changes. `resetReason` drops the reviewer's reason so the original stands again. */
export const FieldChanges = z.object({
  reason: z.string().nullable().optional(),
  resetReason: z.literal(true).optional(),
  status: ReviewStatus.optional(),
  note: z.string().optional(),
});
export type FieldChanges = z.infer<typeof FieldChanges>;

export const JournalLine = z.object({
  v: z.literal(1),
  /** One edit (one undo step) may span many lines, one per sample; they share this id. */
  edit: z.string().min(1),
  sample: z.string().min(1),
  /** Hash of the log row the edit was made on; a line whose row has changed since is orphaned. */
  rowHash: z.string(),
  set: FieldChanges,
  /** The same fields' values before the change, so the edit can be reverted from the journal alone. */
  was: FieldChanges.optional(),
  /** ISO 8601 UTC time of the change: concurrent changes to one field resolve by it (last writer wins). */
  at: z.string().min(1),
  by: z.string(),
  /** Set on the lines of an undo (the edit it reverts) or a redo (the undo it reverts). */
  reverts: z.string().optional(),
});
export type JournalLine = z.infer<typeof JournalLine>;

export type ParsedLine = { line: JournalLine } | { error: string };

/** Parses one line of `file` (1-based `lineNo`); bad lines get a message saying what and where. */
export function parseLine(text: string, file: string, lineNo: number): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const column = position ? `, column ${Number(position[1]) + 1}` : '';
    return { error: `${file} line ${lineNo}${column}: not JSON (${message}); line skipped` };
  }
  const result = JournalLine.safeParse(json);
  if (result.success) return { line: result.data };
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? ` field "${issue.path.join('.')}"` : '';
  return { error: `${file} line ${lineNo}${where}: ${issue.message}; line skipped` };
}

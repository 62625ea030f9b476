// The review part of the API contract: edits of review state, their undo, and one sample's history.
import { z } from 'zod';
import { ReviewStatus, SampleRef } from './model';
import { SampleFilter } from './query-api';

/** A note is a reviewer's remark, not a document: bigger ones would bloat every page that shows them. */
export const MAX_NOTE_BYTES = 64 * 1024;

const Note = z.string().refine((note) => new TextEncoder().encode(note).length <= MAX_NOTE_BYTES, {
  error: (issue) =>
    `the note is ${new TextEncoder().encode(String(issue.input)).length.toLocaleString('en')} bytes; a note holds at most 64 KB (${MAX_NOTE_BYTES.toLocaleString('en')} bytes)`,
});

export const ReviewPatch = z
  .object({
    reason: z.string().nullable().optional(),
    /**
     * The reason that is option N (1-9, number-key order) of each sample's own folder: a number key
     * over samples of several folders. Refused, changing nothing, when a folder has no option N.
     */
    reasonOption: z.number().int().min(1).max(9).optional(),
    /** Drop the reviewer's reason so the original stands again. */
    resetReason: z.boolean().optional(),
    status: ReviewStatus.optional(),
    note: Note.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'an edit must change at least one field' });
export type ReviewPatch = z.infer<typeof ReviewPatch>;

export const EditInput = z.object({
  /** Explicit samples, or every sample matching a filter (bulk edit). */
  targets: z.union([z.object({ samples: z.array(SampleRef).min(1) }), z.object({ filter: SampleFilter })]),
  patch: ReviewPatch,
});
export type EditInput = z.input<typeof EditInput>;

export const EditResult = z.object({ editId: z.string(), count: z.number().int().nonnegative() });

export const UndoResult = z.object({
  /** The edit that did the undo (or redo); null when there was nothing to undo. */
  editId: z.string().nullable(),
  /** What the step undone (or redone) had done, e.g. `drop on 3 samples`, when known. */
  what: z.string().nullable().optional(),
});

/** Review fields as one journal entry set them (or found them); `resetReason`: the original reason stands. */
export const ReviewFields = z.object({
  reason: z.string().nullable().optional(),
  resetReason: z.boolean().optional(),
  status: ReviewStatus.optional(),
  note: z.string().optional(),
});
export type ReviewFields = z.infer<typeof ReviewFields>;

/** One change to one sample, from the journal: who changed what, when, and what it replaced. */
export const HistoryEntry = z.object({
  edit: z.string(),
  at: z.string(),
  by: z.string(),
  set: ReviewFields,
  /** The values before the change (absent in journals written before `was` was recorded). */
  was: ReviewFields.optional(),
  /** The row's hash when the change was made: another hash means an earlier version of the row. */
  rowHash: z.string(),
  /** Set when this entry undid (or redid) another edit. */
  reverts: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

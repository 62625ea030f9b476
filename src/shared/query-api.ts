// The query part of the API contract: which samples, in which order, and the facets of a folder.
import { z } from 'zod';
import { ReviewStatus, SampleRow } from './model';
import { ReplayOutcome } from './replay';

export const SortDir = z.enum(['asc', 'desc']);

/** A sample's replay outcome in the run the table shows; `none`: the run has no result for it. */
export const ReplayMark = z.union([ReplayOutcome, z.literal('none')]);
export type ReplayMark = z.infer<typeof ReplayMark>;

/**
 * Which replay run the table's `replay` column shows (a run id: the folder holding it shows that
 * run, the others their latest; absent: each folder's latest), and which outcomes pass.
 */
export const ReplayFilter = z.object({
  run: z.string().optional(),
  outcomes: z.array(ReplayMark).optional(),
});
export type ReplayFilter = z.infer<typeof ReplayFilter>;

export const SampleFilter = z.object({
  folderIds: z.array(z.string()).optional(),
  /** `<folderId>/<log file>` keys. */
  logs: z.array(z.string()).optional(),
  /** Current reason (the reviewer's, else the original); `null` matches "no reason". */
  reasons: z.array(z.string().nullable()).optional(),
  originalReasons: z.array(z.string().nullable()).optional(),
  statuses: z.array(ReviewStatus).optional(),
  usernames: z.array(z.string().nullable()).optional(),
  /** Case-insensitive substring over text-like cells and notes. */
  text: z.string().optional(),
  /** True: only samples with a reviewer's note; false: only those without. */
  hasNote: z.boolean().optional(),
  /** Inclusive timestamp range, `YYYY-MM-DD[ HH:MM[:SS]]` as Gradio writes it (local, naive). */
  from: z.string().optional(),
  to: z.string().optional(),
  /** Equality / set membership on a named column. */
  columns: z.array(z.object({ column: z.string(), values: z.array(z.string()) })).optional(),
  /** The replay run shown and its outcomes wanted (see ReplayFilter). */
  replay: ReplayFilter.optional(),
});
export type SampleFilter = z.infer<typeof SampleFilter>;

export const SampleSort = z.object({
  /** `ordinal`, `timestamp`, `reason`, `originalReason`, `status`, `log`, `username`, or a column name. */
  by: z.string(),
  dir: SortDir,
});
export type SampleSort = z.infer<typeof SampleSort>;

export const QueryInput = z.object({
  filter: SampleFilter.default({}),
  sort: SampleSort.optional(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(1000),
});
export type QueryInput = z.input<typeof QueryInput>;

export const QueryResult = z.object({ total: z.number().int().nonnegative(), rows: z.array(SampleRow) });
export type QueryResult = z.infer<typeof QueryResult>;

export const Facets = z.object({
  total: z.number().int().nonnegative(),
  byStatus: z.record(z.string(), z.number()),
  byReason: z.array(z.object({ reason: z.string().nullable(), count: z.number() })),
  byLog: z.array(z.object({ key: z.string(), count: z.number() })),
  byUsername: z.array(z.object({ username: z.string().nullable(), count: z.number() })),
});
export type Facets = z.infer<typeof Facets>;

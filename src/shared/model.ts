// The data model shared by every process. Each schema is also the runtime check at the API boundary.
import { z } from 'zod';
import { ReplayOutcome } from './replay';
import { notASampleId, SAMPLE_ID } from './sample-id';
import { REVIEW_STATUSES } from './value-sets';

/** What a column holds, inferred from its header and cells (the header alone is not a schema). */
export const ColumnKind = z.enum([
  'text',
  'number',
  'boolean',
  'json',
  'label',
  'chat',
  'image',
  'audio',
  'video',
  'file',
  'gallery',
  'dataframe',
  'highlight',
  'model3d',
  'flag',
  'username',
  'timestamp',
]);
export type ColumnKind = z.infer<typeof ColumnKind>;

/**
 * How a log was written, by Gradio era and callback (see README "What Flagdeck reads").
 * - `csv-logger`: 3.x/4.x CSVLogger or 5.x+ ClassicCSVLogger: `<labels>,flag,username,timestamp`
 * - `dataset`: 5.x+ CSVLogger `datasetN.csv`: `<labels>[,flag][,username],timestamp`
 * - `chat`: 5.10+ ChatCSVLogger: 5-name header over 4-cell rows
 * - `simple`: SimpleCSVLogger, no header
 * - `hf-saver`: HuggingFaceDatasetSaver `data.csv` (`<labels>,flag,username`, no timestamp)
 * - `hf-saver-jsonl`: HuggingFaceDatasetSaver separate-dirs `<uuid>/metadata.jsonl`
 * - `legacy`: 2.x/3.0 logs (`<labels>,timestamp` in log.csv, or `'`-quoted fields)
 */
export const LogLayout = z.enum([
  'csv-logger',
  'dataset',
  'chat',
  'simple',
  'hf-saver',
  'hf-saver-jsonl',
  'legacy',
  /** An `examples=` directory's `log.csv`: a header, then component cells only. */
  'examples',
]);
export type LogLayout = z.infer<typeof LogLayout>;

export const Column = z.object({
  index: z.number().int().nonnegative(),
  /** Header name as written (escape undone); `column N` (1-based) for cells past the header. */
  name: z.string(),
  kind: ColumnKind,
  /** True when the header had no name for this position (a ragged row is wider than the header). */
  unnamed: z.boolean().optional(),
});
export type Column = z.infer<typeof Column>;

/** A problem in one log, located by 1-based physical line (and column where known). */
export const LogIssue = z.object({
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative().optional(),
  message: z.string(),
});
export type LogIssue = z.infer<typeof LogIssue>;

export const LogInfo = z.object({
  /** Path relative to the folder, `/`-separated. */
  file: z.string(),
  layout: LogLayout,
  rows: z.number().int().nonnegative(),
  columns: z.array(Column),
  errors: z.array(LogIssue),
  warnings: z.array(z.string()),
  /** Bytes indexed so far / file size, for progress while a large log is read. */
  bytesIndexed: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
});
export type LogInfo = z.infer<typeof LogInfo>;

export const FolderInfo = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  logs: z.array(LogInfo),
  readOnly: z.boolean(),
  /** What went wrong with the folder itself (it cannot be watched, a log of it cannot be read). */
  problems: z.array(z.string()),
});
export type FolderInfo = z.infer<typeof FolderInfo>;

// `revision` orders snapshots: replies and events can arrive out of order, and a client keeps the
// highest it has seen (a stale reply would bring back a folder already closed).
export const WorkspaceInfo = z.object({
  revision: z.number().int().nonnegative(),
  folders: z.array(FolderInfo),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const AssetStatus = z.enum(['resolved', 'missing', 'outside']);
export type AssetStatus = z.infer<typeof AssetStatus>;

export const MediaKind = z.enum(['image', 'audio', 'video', 'model3d', 'json', 'file']);
export type MediaKind = z.infer<typeof MediaKind>;

/** One file reference found in a cell (a plain path, or a path nested in JSON). */
export const AssetRef = z.object({
  /** The reference exactly as written in the cell. */
  ref: z.string(),
  status: AssetStatus,
  /** Where it resolved: relative to the folder, `/`-separated. Only when `resolved`. */
  path: z.string().optional(),
  media: MediaKind,
  size: z.number().int().nonnegative().optional(),
});
export type AssetRef = z.infer<typeof AssetRef>;

export const Cell = z.object({
  /** The cell as stored in the log. */
  raw: z.string(),
  /** For display: Gradio's CSV-injection `'` undone. */
  text: z.string(),
  /** Parsed structure for JSON-like cells (labels, chat, dataframes, FileData…). */
  value: z.unknown().optional(),
  assets: z.array(AssetRef),
});
export type Cell = z.infer<typeof Cell>;

export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const ReviewState = z.object({
  /** The reviewer's flag reason; `undefined` = not re-flagged (the original stands), `null` = cleared. */
  reason: z.string().nullable().optional(),
  status: ReviewStatus,
  note: z.string(),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});
export type ReviewState = z.infer<typeof ReviewState>;

/**
 * A sample's id: `<log file>#<1-based data row>`, the row written one way only (no sign, leading
 * zero or decimals), or one row could be journaled under two ids and reviewed under neither.
 */
export const SampleId = z.string().regex(SAMPLE_ID, { error: (issue) => notASampleId(issue.input) });

/** A sample is one data row of one log. Its id is `<log file>#<1-based data row>`, stable across restarts. */
export const SampleRef = z.object({ folderId: z.string(), id: SampleId });
export type SampleRef = z.infer<typeof SampleRef>;

export const SampleRow = z.object({
  folderId: z.string(),
  id: z.string(),
  log: z.string(),
  ordinal: z.number().int().positive(),
  line: z.number().int().positive(),
  rowHash: z.string(),
  cells: z.array(Cell),
  originalReason: z.string().nullable(),
  username: z.string().nullable(),
  timestamp: z.string().nullable(),
  review: ReviewState,
  /** Its outcome in the replay run the table shows (absent: not replayed there, or no run). */
  replay: z.object({ run: z.string(), outcome: ReplayOutcome }).optional(),
});
export type SampleRow = z.infer<typeof SampleRow>;

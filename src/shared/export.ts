// The export part of the API contract: what is selected, where it goes, what the user is shown
// before and after. The `hub` target kind is added beside `folder` by the Hub push.
import { z } from 'zod';
import { ReviewStatus } from './model';

/** A dataset layout the exporter writes. */
export const ExportFormat = z.enum(['gradio', 'imagefolder', 'audiofolder', 'parquet']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The layouts `datasets.load_dataset` reads (what a Hub push can carry). */
export const DatasetFormat = z.enum(['imagefolder', 'audiofolder', 'parquet']);
export type DatasetFormat = z.infer<typeof DatasetFormat>;

export const ExportStatusChoice = z.union([ReviewStatus, z.literal('any')]);
export type ExportStatusChoice = z.infer<typeof ExportStatusChoice>;

export const ExportPrivacy = z.object({
  /** `pseudonymize`: a stable keyed hash, the same user gets the same pseudonym in every export. */
  username: z.enum(['keep', 'drop', 'pseudonymize']).default('keep'),
  /** Remove EXIF (GPS included), XMP and text metadata from images. */
  stripExif: z.boolean().default(false),
});
export type ExportPrivacy = z.infer<typeof ExportPrivacy>;

export const CountByReason = z.array(z.object({ reason: z.string().nullable(), count: z.number() }));

export const ExportSummary = z.object({
  samples: z.number().int().nonnegative(),
  /** By exported label (the reviewer's reason, else the original). */
  byReason: CountByReason,
  byStatus: z.record(z.string(), z.number()),
  /** Every sample of the workspace by status, whatever the selection (an empty selection says so). */
  workspaceByStatus: z.record(z.string(), z.number()),
  /** Columns holding images / audio, to pick a layout. */
  imageColumns: z.array(z.string()),
  audioColumns: z.array(z.string()),
  /** The layout that fits these columns best (Parquet when images and audio mix). */
  suggestedFormat: ExportFormat,
});
export type ExportSummary = z.infer<typeof ExportSummary>;

/**
 * The selection's files (`export.files`): each row's cells are read to find them, which takes
 * seconds on 100k rows, so this comes apart from the summary and never holds up an export.
 */
export const ExportFiles = z.object({
  assetFiles: z.number().int().nonnegative(),
  assetBytes: z.number().nonnegative(),
  assetsMissing: z.number().int().nonnegative(),
});
export type ExportFiles = z.infer<typeof ExportFiles>;

export const FolderExportTarget = z.object({
  kind: z.literal('folder'),
  format: ExportFormat,
  /** The folder to create; it must not exist unless `overwrite`. */
  out: z.string().min(1),
  overwrite: z.boolean().default(false),
});

/** A push to a Hub dataset repo; the token never travels here (the main process finds it). */
export const HubExportTarget = z.object({
  kind: z.literal('hub'),
  format: DatasetFormat,
  /** `owner/name`. */
  repo: z.string().min(1),
  /** New repos are private unless the user chose public. */
  private: z.boolean().default(true),
  /** Another Hub endpoint (default https://huggingface.co); https, or http on this machine only. */
  hubUrl: z.string().optional(),
});
export type HubExportTarget = z.infer<typeof HubExportTarget>;

export const ExportTargetSpec = z.discriminatedUnion('kind', [FolderExportTarget, HubExportTarget]);
export type ExportTargetSpec = z.infer<typeof ExportTargetSpec>;

export const SkippedSample = z.object({ id: z.string(), reason: z.string() });
export type SkippedSample = z.infer<typeof SkippedSample>;

export const ExportResult = z.object({
  rows: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  /** Where the result is: the folder written (or the Hub repo for a push). */
  out: z.string(),
  /** A push: the dataset's page on the Hub, and the head commit after the push. */
  url: z.string().optional(),
  commit: z.string().optional(),
  skipped: z.array(SkippedSample),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ExportProgress = z.object({
  jobId: z.string(),
  /** Samples handled so far (written or skipped) of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  phase: z.string(),
  /** A push: bytes to upload (`bytes` is what was sent), and the commit under way of `commits`. */
  bytesTotal: z.number().nonnegative().optional(),
  commit: z.number().int().nonnegative().optional(),
  commits: z.number().int().nonnegative().optional(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;

export const ExportFinished = z.object({
  jobId: z.string(),
  result: ExportResult.optional(),
  /** Why it failed, in words for the user; absent on success. */
  error: z.string().optional(),
  cancelled: z.boolean().optional(),
});
export type ExportFinished = z.infer<typeof ExportFinished>;

// The one interface every export target implements, shaped like Gradio's FlaggingCallback: set up
// once with the columns, then write samples, then finish. Writing is split in two so that file
// copies run several at a time while rows still land in selection order:
//   place(sample)  copies the sample's files (called for several samples at once) and returns the
//                  row to write, or why the sample is skipped;
//   append(rows)   writes rows in selection order (one call per page);
//   finish(totals) writes what needs the whole export (metadata, card, shard names).
import type { ExportSelection } from '../../shared/api';
import type { ExportPrivacy } from '../../shared/export';
import type { ExportColumn } from './columns';
import type { ExportSample } from './sample';

export interface TargetPlan {
  /** The folder the target writes into (empty, created by the caller). */
  dir: string;
  columns: ExportColumn[];
  privacy: ExportPrivacy;
  selection: ExportSelection;
  /** The flagging folders the samples come from (names, for the card). */
  sources: string[];
}

export type Placed<Row> = { row: Row; files: number; bytes: number } | { skipped: string };

export interface ExportTotals {
  rows: number;
  /** Rows per exported label. */
  labels: Map<string | null, number>;
  skipped: number;
}

export interface ExportTarget<Row = unknown> {
  setup(plan: TargetPlan): Promise<void>;
  place(sample: ExportSample): Promise<Placed<Row>>;
  append(rows: Row[]): Promise<void>;
  /** Returns the files and bytes it wrote itself (metadata, card). */
  finish(totals: ExportTotals): Promise<{ files: number; bytes: number }>;
  /** Releases open files after a failure or a cancel (the caller removes the folder). */
  abort(): Promise<void>;
}

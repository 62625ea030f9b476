// One selected row as every target sees it: cells by export column, the exported label, the
// username after the privacy pass, and where it came from.
import { join } from 'node:path';
import type { ExportPrivacy } from '../../shared/export';
import type { Cell, SampleRow, WorkspaceInfo } from '../../shared/model';
import type { ColumnMap } from './columns';
import type { Pseudonymizer } from './privacy/pseudonym';

export interface ExportSample {
  /** 0-based position in the export (file names and ordering). */
  seq: number;
  row: SampleRow;
  /** The flagging folder, absolute. */
  root: string;
  cells: Map<string, Cell>;
  /** The reviewer's reason where one was set (even "no reason"), else the original flag. */
  label: string | null;
  /** After the privacy pass; null when dropped or absent. */
  username: string | null;
  provenance: Provenance;
}

/** Where an exported row came from, so a curated dataset traces back to its flags. */
export interface Provenance {
  source_log: string;
  sample_id: string;
  row_hash: string;
  reviewer: string | null;
  decided_at: string | null;
}

export function exportedLabel(row: SampleRow): string | null {
  return row.review.reason !== undefined ? row.review.reason : row.originalReason;
}

export interface SampleContext {
  info: WorkspaceInfo;
  columns: ColumnMap;
  privacy: ExportPrivacy;
  pseudonyms: Pseudonymizer;
}

export function exportSample(row: SampleRow, seq: number, context: SampleContext): ExportSample {
  const folder = context.info.folders.find((f) => f.id === row.folderId);
  if (!folder) throw new Error(`the folder of ${row.id} was closed during the export`);
  return {
    seq,
    row,
    root: folder.path,
    cells: context.columns.cellsOf(row),
    label: exportedLabel(row),
    username: privateUsername(row.username, context),
    provenance: {
      source_log: join(folder.name, row.log).split('\\').join('/'),
      sample_id: row.id,
      row_hash: row.rowHash,
      reviewer: row.review.updatedBy ?? null,
      decided_at: row.review.updatedAt ?? null,
    },
  };
}

function privateUsername(username: string | null, context: SampleContext): string | null {
  if (username === null || username === '') return username;
  if (context.privacy.username === 'drop') return null;
  if (context.privacy.username === 'pseudonymize') return context.pseudonyms.of(username);
  return username;
}

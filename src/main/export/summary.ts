// What the user sees before an export runs: how many samples, per label and status, and the layout
// their columns fit (at once, from the index); then the size of their files and how many are
// missing (read from every selected row).
import type { ExportSelection } from '../../shared/api';
import type { ExportFiles, ExportFormat, ExportSummary } from '../../shared/export';
import { FILE_KINDS } from './asset-cells';
import { ColumnMap } from './columns';
import { countsByStatus } from './empty-selection';
import { selectedPages, selectionFilter, type ExportSource } from './source';

function suggestedFormat(images: number, audio: number): ExportFormat {
  if (images > 0 && audio > 0) return 'parquet';
  if (images > 0) return 'imagefolder';
  if (audio > 0) return 'audiofolder';
  return 'gradio';
}

/**
 * The format an export of `selection` is suggested in: from the kinds of its columns alone, so a
 * command that only needs the format (`flagdeck push` without `--format`) reads no row for it.
 */
export function suggestedFormatOf(source: ExportSource, selection: ExportSelection): ExportFormat {
  const { imageColumns, audioColumns } = layoutColumns(source, selection);
  return suggestedFormat(imageColumns.length, audioColumns.length);
}

/** The selection's columns that hold images and audio, which decide the layout. */
function layoutColumns(
  source: ExportSource,
  selection: ExportSelection,
): { imageColumns: string[]; audioColumns: string[] } {
  const columns = new ColumnMap(source.info(), selection.filter);
  return {
    imageColumns: columns.columnsOfKind('image').map((c) => c.name),
    audioColumns: columns.columnsOfKind('audio').map((c) => c.name),
  };
}

/**
 * What the selection holds, from the index alone (the counts) and the columns' kinds: quick on any
 * number of rows, so the export can start at once.
 */
export async function exportSummary(
  source: ExportSource,
  selection: ExportSelection,
): Promise<ExportSummary> {
  const facets = await source.facets(selectionFilter(selection));
  const { imageColumns, audioColumns } = layoutColumns(source, selection);
  return {
    samples: facets.total,
    byReason: facets.byReason,
    byStatus: facets.byStatus,
    workspaceByStatus: await countsByStatus(source, selection),
    imageColumns,
    audioColumns,
    suggestedFormat: suggestedFormat(imageColumns.length, audioColumns.length),
  };
}

/**
 * The selection's files: how many distinct files its rows name and their size, and how many of
 * the references in file columns are missing (those samples are skipped). Every selected row's
 * cells are read for it.
 */
export async function exportFiles(
  source: ExportSource,
  selection: ExportSelection,
  signal?: AbortSignal,
): Promise<ExportFiles> {
  const columns = new ColumnMap(source.info(), selection.filter);
  const kinds = new Map(columns.columns.map((column) => [column.name, column.kind]));
  const seen = new Set<string>();
  let assetBytes = 0;
  let assetsMissing = 0;
  for await (const { rows } of selectedPages(source, selection, signal)) {
    for (const row of rows) {
      for (const [name, cell] of columns.cellsOf(row)) {
        const fileColumn = FILE_KINDS.has(kinds.get(name) ?? 'text');
        for (const asset of cell.assets) {
          if (asset.status !== 'resolved') {
            // Chat and JSON cells often name Gradio's temp files: they never skip a sample.
            if (fileColumn) assetsMissing += 1;
            continue;
          }
          const key = `${row.folderId}\0${asset.path}`;
          if (seen.has(key)) continue;
          seen.add(key);
          assetBytes += asset.size ?? 0;
        }
      }
    }
  }
  return { assetFiles: seen.size, assetBytes, assetsMissing };
}

// What `flagdeck query` prints for a sample: one JSON object (scripts), or a table line (people).
import { join } from 'node:path';
import type { ColumnKind, FolderInfo, SampleRow } from '../../shared/model';

export interface QueriedSample {
  id: string;
  /** The log file's path: its folder's path joined with the log's path within the folder. */
  log: string;
  /** 1-based data row. */
  row: number;
  originalReason: string | null;
  /** The reviewer's reason, else the original one. */
  reason: string | null;
  status: string;
  note: string;
  user: string | null;
  timestamp: string | null;
  /** The logged fields (not flag, username, timestamp), by column name, as the table shows them. */
  cells: Record<string, string>;
  /** Its outcome in the replay run shown (absent: not replayed there, or no run). */
  replay?: { run: string; outcome: string };
}

const META_KINDS = new Set<ColumnKind>(['flag', 'username', 'timestamp']);

/** Turns workspace rows into the command's objects, knowing each log's columns and folder path. */
export function sampleWriter(folders: FolderInfo[]): (row: SampleRow) => QueriedSample {
  const logs = new Map(
    folders.flatMap((folder) =>
      folder.logs.map((log) => [`${folder.id}/${log.file}`, { path: join(folder.path, log.file), log }]),
    ),
  );
  return (row) => {
    const known = logs.get(`${row.folderId}/${row.log}`);
    const cells: Record<string, string> = {};
    for (const column of known?.log.columns ?? []) {
      if (META_KINDS.has(column.kind) || column.name in cells) continue;
      cells[column.name] = row.cells[column.index]?.text ?? '';
    }
    const reason = row.review.reason !== undefined ? row.review.reason : row.originalReason;
    return {
      id: row.id,
      log: known?.path ?? row.log,
      row: row.ordinal,
      originalReason: row.originalReason,
      reason,
      status: row.review.status,
      note: row.review.note,
      user: row.username,
      timestamp: row.timestamp,
      cells,
      ...(row.replay ? { replay: row.replay } : {}),
    };
  };
}

const CELL_WIDTH = 28;

function shown(text: string | null, width: number): string {
  const flat = (text ?? '').replace(/\r?\n|\r/g, '⏎');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** Aligned columns: id, status, reasons, user, time, then the logged fields, each cut to fit. */
export function table(samples: QueriedSample[]): string[] {
  const dataColumns = [...new Set(samples.flatMap((sample) => Object.keys(sample.cells)))];
  // The replay outcome shows once a replay run has a result for one of the samples.
  const replayed = samples.some((sample) => sample.replay);
  const header = [
    'id',
    ...(replayed ? ['replay'] : []),
    'status',
    'flag (original)',
    'flag (review)',
    'user',
    'timestamp',
    ...dataColumns,
  ];
  const lines = samples.map((sample) => [
    sample.id,
    ...(replayed ? [sample.replay?.outcome ?? 'none'] : []),
    sample.status,
    shown(sample.originalReason, CELL_WIDTH),
    shown(sample.reason, CELL_WIDTH),
    shown(sample.user, CELL_WIDTH),
    sample.timestamp ?? '',
    ...dataColumns.map((name) => shown(sample.cells[name] ?? '', CELL_WIDTH)),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [format(header), ...lines.map(format)];
}

// Which columns the table shows for the open logs, their widths by kind, and where each row keeps
// the cell for a column (logs of one workspace have different headers).
import type { SampleFilter } from '../../../../shared/api';
import type { Cell, ColumnKind, FolderInfo, LogInfo, SampleRow } from '../../../../shared/model';
import { folderLabels } from '../../common/folder-labels';
import { logKey } from '../../common/rows';

export type FixedColumn =
  'ordinal' | 'folder' | 'log' | 'status' | 'originalReason' | 'reason' | 'replay' | 'username' | 'timestamp';

export type TableColumn =
  | {
      type: 'fixed';
      id: FixedColumn;
      title: string;
      width: number;
      sortBy: string;
      /** The folder column: each folder's short label, by folder id. */
      labels?: ReadonlyMap<string, string>;
    }
  | { type: 'data'; id: string; title: string; width: number; sortBy: string; kind: ColumnKind };

const widthByKind: Record<ColumnKind, number> = {
  text: 200,
  number: 90,
  boolean: 80,
  json: 200,
  label: 170,
  chat: 280,
  image: 110,
  audio: 170,
  video: 110,
  file: 180,
  gallery: 170,
  dataframe: 200,
  highlight: 240,
  model3d: 150,
  flag: 130,
  username: 120,
  timestamp: 170,
};

const metaKinds = new Set<ColumnKind>(['flag', 'username', 'timestamp']);

/** The logs a filter can show rows of: those it names, those of the folders it names, or all. */
function logsInView(folders: FolderInfo[], filter: SampleFilter) {
  const logs = folders.flatMap((f) =>
    f.logs.map((l) => ({ key: logKey(f.id, l.file), folderId: f.id, log: l })),
  );
  if (filter.logs?.length) return logs.filter((l) => filter.logs?.includes(l.key));
  if (filter.folderIds?.length) return logs.filter((l) => filter.folderIds?.includes(l.folderId));
  return logs;
}

/**
 * Fixed columns around the data columns: original and new reason side by side, then the replay
 * outcome when a folder has replay runs. The data columns are those of the logs in view, in each
 * log's own (Gradio's) order: a filter holding one log or one folder shows exactly its columns.
 */
export function tableColumns(folders: FolderInfo[], filter: SampleFilter, replayed = false): TableColumn[] {
  const logs = folders.flatMap((f) => f.logs);
  const shown = logsInView(folders, filter);
  const data = new Map<string, ColumnKind>();
  for (const { log } of shown) {
    for (const column of log.columns) {
      if (metaKinds.has(column.kind) || data.has(column.name)) continue;
      data.set(column.name, column.kind);
    }
  }
  const fixed = (
    id: FixedColumn,
    title: string,
    width: number,
    sortBy: string = id,
  ): Extract<TableColumn, { type: 'fixed' }> => ({ type: 'fixed', id, title, width, sortBy });
  return [
    fixed('ordinal', '#', 56),
    ...(folders.length > 1
      ? [{ ...fixed('folder', 'Folder', 150, 'log'), labels: folderLabels(folders) }]
      : []),
    ...(logs.length > 1 ? [fixed('log', 'Log', 110)] : []),
    fixed('status', 'Status', 100),
    fixed('originalReason', 'Flag (original)', 116, 'originalReason'),
    fixed('reason', 'Flag (review)', 116),
    // Not sortable: the filter groups outcomes instead (sortBy '' is never sent).
    ...(replayed ? [fixed('replay', 'Replay', 96, '')] : []),
    ...[...data].map(([name, kind]): TableColumn => ({
      type: 'data',
      id: name,
      title: name,
      width: widthByKind[kind],
      sortBy: name,
      kind,
    })),
    fixed('username', 'User', 110),
    fixed('timestamp', 'Timestamp', 180),
  ];
}

/**
 * Column name → cell position, per log: each log's made when a row of it is shown, not every log's
 * at each change of the folders (a folder of sample folders holds 20,000 one-row logs).
 */
export class CellIndex {
  private readonly positions = new Map<string, Map<string, number>>();
  private logsByFolder?: Map<string, Map<string, LogInfo>>;

  constructor(private readonly folders: FolderInfo[]) {}

  positionOf(folderId: string, file: string, column: string): number | undefined {
    const key = logKey(folderId, file);
    let byName = this.positions.get(key);
    if (!byName) {
      byName = new Map();
      for (const c of this.logOf(folderId, file)?.columns ?? [])
        if (!byName.has(c.name)) byName.set(c.name, c.index);
      this.positions.set(key, byName);
    }
    return byName.get(column);
  }

  private logOf(folderId: string, file: string): LogInfo | undefined {
    this.logsByFolder ??= new Map(this.folders.map((f) => [f.id, new Map(f.logs.map((l) => [l.file, l]))]));
    return this.logsByFolder.get(folderId)?.get(file);
  }
}

export const cellIndex = (folders: FolderInfo[]): CellIndex => new CellIndex(folders);

export function cellFor(index: CellIndex, row: SampleRow, column: string): Cell | undefined {
  const position = index.positionOf(row.folderId, row.log, column);
  return position === undefined ? undefined : row.cells[position];
}

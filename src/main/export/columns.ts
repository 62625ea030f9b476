// The columns of an export: every log's columns merged by name (as the table shows them), without
// the flag / username / timestamp roles, which every target writes in its own way.
import type { SampleFilter } from '../../shared/api';
import type { Cell, Column, ColumnKind, SampleRow, WorkspaceInfo } from '../../shared/model';

export interface ExportColumn {
  name: string;
  kind: ColumnKind;
  /** The logs (`<folderId>/<file>`) that have this column. */
  logs: Set<string>;
}

const ROLE_KINDS: ReadonlySet<ColumnKind> = new Set(['flag', 'username', 'timestamp']);

/** Names unique within one log: a repeated header name gets ` 2`, ` 3`… */
function uniqueNames(columns: Column[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const count = (seen.get(column.name) ?? 0) + 1;
    seen.set(column.name, count);
    return count === 1 ? column.name : `${column.name} ${count}`;
  });
}

/** The export's view of the workspace's logs: merged columns, and each log's cell per column. */
export class ColumnMap {
  readonly columns: ExportColumn[] = [];
  private readonly cellIndex = new Map<string, Map<string, number>>();

  constructor(info: WorkspaceInfo, filter: SampleFilter = {}) {
    const byName = new Map<string, ExportColumn>();
    for (const folder of info.folders) {
      if (filter.folderIds && !filter.folderIds.includes(folder.id)) continue;
      for (const log of folder.logs) {
        const key = `${folder.id}/${log.file}`;
        if (filter.logs && !filter.logs.includes(key)) continue;
        const indexes = new Map<string, number>();
        uniqueNames(log.columns).forEach((name, position) => {
          const column = log.columns[position];
          if (ROLE_KINDS.has(column.kind)) return;
          indexes.set(name, column.index);
          const known = byName.get(name);
          if (known) known.logs.add(key);
          else byName.set(name, { name, kind: column.kind, logs: new Set([key]) });
        });
        this.cellIndex.set(key, indexes);
      }
    }
    this.columns.push(...byName.values());
  }

  /** The row's cell under an export column (undefined when its log has no such column). */
  cellsOf(row: SampleRow): Map<string, Cell> {
    const indexes = this.cellIndex.get(`${row.folderId}/${row.log}`);
    const cells = new Map<string, Cell>();
    for (const [name, index] of indexes ?? []) {
      const cell = row.cells[index];
      if (cell) cells.set(name, cell);
    }
    return cells;
  }

  columnsOfKind(kind: ColumnKind): ExportColumn[] {
    return this.columns.filter((column) => column.kind === kind);
  }
}

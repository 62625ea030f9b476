// Workspace snapshots as the contract has them, for tests of how they travel (deltas, transports,
// the UI's sums): a folder of logs of one row kind, each log's figures from its row count.
import type { FolderInfo, LogInfo, LogLayout, WorkspaceInfo } from '../../src/shared/model';

export function logInfo(file: string, rows = 1, layout: LogLayout = 'csv-logger'): LogInfo {
  return {
    file,
    layout,
    rows,
    columns: [],
    errors: [],
    warnings: [],
    bytesIndexed: 20 * rows,
    bytesTotal: 20 * rows,
  };
}

export function folderInfo(id: string, logs: LogInfo[]): FolderInfo {
  return { id, path: `/data/${id}/flagged`, name: 'flagged', logs, readOnly: false, problems: [] };
}

export function snapshot(revision: number, folders: FolderInfo[]): WorkspaceInfo {
  return { revision, folders };
}

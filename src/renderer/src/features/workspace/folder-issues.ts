// The lines of a folder chip's issues badge: the folder's own problems (it cannot be watched, a log
// of it cannot be read) first, then each log's errors (file:line:column) and warnings.
import type { FolderInfo } from '../../../../shared/model';

export function folderIssues(folder: Pick<FolderInfo, 'logs' | 'problems'>): string[] {
  return [
    ...folder.problems,
    ...folder.logs.flatMap((l) => [
      ...l.errors.map((e) => `${l.file}:${e.line}${e.column ? `:${e.column}` : ''} ${e.message}`),
      ...l.warnings,
    ]),
  ];
}

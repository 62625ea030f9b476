import { createHash } from 'node:crypto';

/** A folder's id: stable for its absolute path across restarts, short enough for URLs. */
export function folderIdOf(root: string): string {
  return 'f' + createHash('sha256').update(root).digest('hex').slice(0, 10);
}

import { sha256Hex } from '../platform/lazy-hashes';

/** A folder's id: stable for its absolute path across restarts, short enough for URLs. */
export function folderIdOf(root: string): string {
  return 'f' + sha256Hex(root).slice(0, 10);
}

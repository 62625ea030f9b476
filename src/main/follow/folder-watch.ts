// Watches a flagging folder for log changes and new log files. Events are hints only (LogFollower
// re-reads and re-checks); directories that never hold logs are not watched, and no symlink is
// followed (a link to `/` would otherwise have the watcher walk the whole disk), so the watches
// stay as many as the folder's own directories.
import type { FSWatcher } from 'chokidar';
import { relative, sep } from 'node:path';
import { ASSET_HASH_DIR, holdsNoLogs } from '../gradio/find-logs';

export interface FolderEvents {
  /** A file changed or appeared (`added`), `/`-separated path relative to the folder. */
  changed(file: string, added: boolean): void;
  removed(file: string): void;
  error(error: unknown): void;
}

function ignored(root: string, path: string): boolean {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..')) return false;
  return rel.split(sep).some((part) => holdsNoLogs(part) || ASSET_HASH_DIR.test(part));
}

export async function watchFolder(root: string, events: FolderEvents): Promise<{ close(): Promise<void> }> {
  // Loaded when a folder is first followed: one-shot commands never pay for it.
  const { watch } = await import('chokidar');
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    depth: 6,
    ignored: (path: string) => ignored(root, path),
  });
  const rel = (path: string): string => relative(root, path).split(sep).join('/');
  watcher.on('add', (path) => events.changed(rel(path), true));
  watcher.on('change', (path) => events.changed(rel(path), false));
  watcher.on('unlink', (path) => events.removed(rel(path)));
  watcher.on('error', (error) => events.error(error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { close: () => watcher.close() };
}

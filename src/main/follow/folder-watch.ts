// Watches a flagging folder for log changes and new log files. Events are hints only (LogFollower
// re-reads and re-checks); directories that never hold logs are not watched (ours, VCS,
// environments, the label directories that hold Gradio's copies of flagged files:
// asset-directories.ts, and the HF saver's sample folders once written: sample-folders.ts), and no
// symlink is followed (a link to `/` would otherwise have the watcher walk the whole disk), so the
// watches stay as many as the folder's own log directories. A directory of many sample folders is
// watched apart, without chokidar's re-read of it on each change (sample-parent-watch.ts). A new
// directory is looked at again 1 s and 10 s later, for a log chokidar missed (new-directories.ts).
import type { FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { ASSET_HASH_DIR, mayHoldLogs } from '../gradio/find-logs';
import { AssetDirectories } from './asset-directories';
import { isSampleFolder, SAMPLE_SETTLED_MS, SettlingSamples } from './sample-folders';
import { SampleParentWatch, type SampleParentEvents } from './sample-parent-watch';
import { NewDirectories } from './new-directories';

export interface FolderEvents {
  /** A file changed or appeared (`added`), `/`-separated path relative to the folder. */
  changed(file: string, added: boolean): void;
  removed(file: string): void;
  /** Something changed that the watch could not name: the folder's logs are to be looked for again. */
  rescan(): void;
  error(error: unknown): void;
}

export interface FolderWatch {
  close(): Promise<void>;
}

export interface WatchOptions {
  /** A sample folder's log unchanged this long is no longer watched (sample-folders.ts). */
  sampleSettledMs?: number;
  /** Directories (absolute) holding many sample folders: watched by sample-parent-watch.ts. */
  sampleParents?: string[];
  /** When a new directory is looked at again for logs (new-directories.ts). */
  newDirectoryLooksMs?: readonly number[];
}

/** What ignoredBelow knows of sample folders: whether one is settled, and whom to tell of a new one. */
interface SampleWatch {
  settled(dir: string): boolean;
  /** A sample folder not settled yet is watched: its watch is to be dropped once it is. */
  young(dir: string): void;
}

/** chokidar's `ignored`: whether `path` below `root` is left unwatched (`parents`: watched apart). */
function ignoredBelow(root: string, copies: AssetDirectories, samples: SampleWatch, parents: Set<string>) {
  return (path: string, stats?: Stats): boolean => {
    if (parents.has(path)) return true;
    const rel = relative(root, path);
    if (rel === '' || rel.startsWith('..')) return false;
    const parts = rel.split(sep);
    if (ASSET_HASH_DIR.test(parts[parts.length - 1]) && parts.length > 1) copies.copySeen(path);
    if (!parts.every(mayHoldLogs)) return true;
    if (stats?.isDirectory() === true) {
      if (copies.holdsCopies(path)) return true;
      if (isSampleFolder(path)) {
        if (samples.settled(path)) return true;
        samples.young(path);
      }
    }
    // Asked again without stats (an event's path): a directory judged before, or one inside it.
    for (let dir = path; dir.length > root.length; dir = dirname(dir))
      if (copies.judgedCopies(dir)) return true;
    return false;
  };
}

export async function watchFolder(
  root: string,
  events: FolderEvents,
  { sampleSettledMs = SAMPLE_SETTLED_MS, sampleParents = [], newDirectoryLooksMs }: WatchOptions = {},
): Promise<FolderWatch> {
  // Loaded when a folder is first followed: one-shot commands never pay for it.
  const { watch } = await import('chokidar');
  // A label directory watched before its first copy came: its watch is dropped once one does
  // (after chokidar's call of `ignored` that told it).
  let unwatch = (dir: string): void => void dir;
  const copies = new AssetDirectories((dir) => queueMicrotask(() => unwatch(dir)));
  // A sample folder's log is watched on its own too (chokidar watches each file): both go.
  const settling = new SettlingSamples(sampleSettledMs, (dir) => unwatchWithEntries(dir));
  const rel = (path: string): string => relative(root, path).split(sep).join('/');
  const newDirectories = new NewDirectories((path) => events.changed(rel(path), true), newDirectoryLooksMs);
  // A directory made in a sample parent before chokidar starts is in the list it starts with.
  const parentDirs: string[] = [];
  let addDirectory = (path: string): void => void parentDirs.push(path);
  const parents = await watchSampleParents(sampleParents, sampleSettledMs, {
    logChanged: (path, added) => events.changed(rel(path), added),
    logRemoved: (path) => events.removed(rel(path)),
    directoryAdded: (path) => {
      addDirectory(path);
      newDirectories.appeared(path);
    },
    unnamed: () => events.rescan(),
    error: (error) => events.error(error),
  });
  // A sample parent's other directories are watched from the start, as the folder's others are.
  const watcher: FSWatcher = watch([root, ...parents.others, ...parentDirs], {
    ignoreInitial: true,
    followSymlinks: false,
    depth: 6,
    ignored: ignoredBelow(root, copies, settling, new Set(sampleParents)),
  });
  addDirectory = (path) => void watcher.add(path);
  unwatch = (dir) => void watcher.unwatch(dir);
  const unwatchWithEntries = (dir: string): void => {
    const entries = watcher.getWatched()[dir] ?? [];
    void watcher.unwatch([dir, ...entries.map((name) => join(dir, name))]);
  };
  watcher.on('add', (path) => events.changed(rel(path), true));
  watcher.on('addDir', (path) => newDirectories.appeared(path));
  watcher.on('change', (path) => events.changed(rel(path), false));
  watcher.on('unlink', (path) => events.removed(rel(path)));
  watcher.on('error', (error) => events.error(error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    close: () => {
      parents.watch.close();
      settling.stop();
      newDirectories.stop();
      return watcher.close();
    },
  };
}

/**
 * The sample parents' watch, and their other directories (for chokidar); a parent that cannot be
 * watched is an error of the folder's watch.
 */
async function watchSampleParents(
  dirs: string[],
  settledMs: number,
  events: SampleParentEvents,
): Promise<{ watch: SampleParentWatch; others: string[] }> {
  const watch = new SampleParentWatch(events, settledMs);
  const others: string[] = [];
  for (const dir of dirs) {
    try {
      others.push(...(await watch.watchParent(dir)));
    } catch (error) {
      events.error(error);
    }
  }
  return { watch, others };
}

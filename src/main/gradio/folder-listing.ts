// Every name in a folder, from one directory walk: tells at once that a reference cannot resolve
// (its file name is found nowhere in the folder, exactly or loosely), so a log of a million rows is
// counted without a `stat` or a listing look-up per cell. Names that do occur are left to the
// AssetResolver, which knows the rest (candidate bases, loose directory names, symlinks).
// Gradio's hash directories (one per flagged file) are listed but not read: reading a directory
// costs five system calls where looking up the one file a reference names costs one, and a folder of
// 100,000 files has as many of them (1.0-1.4 s of a 3.9 s census). What they hold is looked up
// when a reference leads into one (dir-listings.ts).
import { resolve, sep } from 'node:path';
import { looseOf } from './loose-name';
import { ASSET_HASH_DIR } from './find-logs';
import { sha256Hex } from '../platform/lazy-hashes';
import { walkFolderSync, type FolderWalk, type ReadJustNow, type WalkedDirectory } from './folder-walk';

export class FolderListing {
  private constructor(
    /** The folder, as an absolute path (the directories' paths begin with it). */
    readonly root: string,
    private readonly names: Set<string>,
    /** The loose forms of the names that are not their own (looseOf). */
    private readonly looseNames: Set<string>,
    /** A symlink was met: names behind it are unknown, so every name may be there. */
    private readonly partial: boolean,
    /** The names of the directories listed but not read (hash directories). */
    private readonly unread: Set<string>,
    /** Every directory as the walk read it: the asset resolver's listings (AssetResolver.preload). */
    readonly directories: WalkedDirectory[],
  ) {}

  private hashed: string | null | undefined;

  /**
   * sha256 of every entry's path and type (Flagdeck's own `.flagdeck` left out), null where not
   * every name is known (a symlink, a hash directory not read). Hashed when first asked: only kept
   * censuses need it.
   */
  get fingerprint(): string | null {
    this.hashed ??= this.complete ? sha256Hex(entriesOf(this.directories).sort().join('\n')) : null;
    return this.hashed;
  }

  /**
   * The folder walked at once (walkFolderSync: the thread waits for the disk), its hash
   * directories listed but not read, for a one-shot command's census; a directory read just now
   * (by findLogs) is not read again.
   */
  static of(folder: string, readJustNow?: ReadJustNow): FolderListing {
    const root = resolve(folder);
    const names = new Set<string>();
    const looseNames = new Set<string>();
    const unread = new Set<string>();
    let walk: FolderWalk;
    try {
      walk = walkFolderSync(root, (entry) => !ASSET_HASH_DIR.test(entry.name), readJustNow);
    } catch {
      walk = { directories: [], unreadable: true };
    }
    let partial = walk.unreadable;
    for (const { entries } of walk.directories)
      for (const entry of entries) {
        // A hash directory's name is its own loose form (lower-case hex): in `unread` only.
        if (entry.isDirectory() && ASSET_HASH_DIR.test(entry.name)) {
          unread.add(entry.name);
          continue;
        }
        names.add(entry.name);
        const loose = looseOf(entry.name);
        if (loose !== entry.name) looseNames.add(loose);
        if (entry.isSymbolicLink()) partial = true;
      }
    return new FolderListing(root, names, looseNames, partial, unread, walk.directories);
  }

  /**
   * Whether every directory was read and none of the entries is a symlink: every name of the
   * folder is known.
   */
  get complete(): boolean {
    return !this.partial && this.unread.size === 0;
  }

  /** Whether what the walk read is all there is to it, but for its unread hash directories. */
  get symlinkFree(): boolean {
    return !this.partial;
  }

  /** Every name, as written and loosely; null when not every name is known (complete): no hash directory. */
  everyName(): string[] | null {
    return this.complete ? [...this.names, ...this.looseNames] : null;
  }

  /**
   * Whether the file a reference names may be in the folder: its name (the last segment) is, or
   * the reference leads through a directory that was not read (a resolver's walk enters a
   * directory only by a segment that names it, exactly or loosely).
   */
  mayHold(ref: string): boolean {
    return this.partial || this.leadsIntoUnread(ref) || this.holds(lastSegment(ref));
  }

  /** Whether a segment of `ref` before its last names a directory that was not read. */
  private leadsIntoUnread(ref: string): boolean {
    if (this.unread.size === 0) return false;
    const segments = (ref.includes('\\') ? ref.replaceAll('\\', '/') : ref).trim().split('/');
    for (let i = 0; i < segments.length - 1; i++)
      // Hash directory names are their own loose form (lower-case hex).
      if (this.unread.has(segments[i]) || this.unread.has(looseOf(segments[i]))) return true;
    return false;
  }

  private holds(name: string): boolean {
    if (name === '..' || this.names.has(name) || this.unread.has(name)) return true;
    // A name that is its own loose form is in `names` only.
    const loose = looseOf(name);
    return this.names.has(loose) || this.looseNames.has(loose);
  }
}

/** Each entry as `<path below the root>\0<d|f>`, the `.flagdeck` folder and what it holds left out. */
function entriesOf(directories: WalkedDirectory[]): string[] {
  const entries: string[] = [];
  for (const { relative, entries: read } of directories) {
    if (relative.split('/')[0] === '.flagdeck') continue;
    const below = relative.replaceAll('/', sep);
    for (const entry of read) {
      const path = below === '' ? entry.name : below + sep + entry.name;
      if (path !== '.flagdeck') entries.push(`${path}\0${entry.isDirectory() ? 'd' : 'f'}`);
    }
  }
  return entries;
}

/** The file name a reference ends with (what a walk of its segments would look for last). */
export function lastSegment(ref: string): string {
  const trimmed = ref.trim();
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < trimmed.length - 1) return trimmed.slice(cut + 1);
  // `dir/`: the walk skips empty segments.
  return (
    trimmed
      .split(/[\\/]/)
      .filter((segment) => segment !== '' && segment !== '.')
      .at(-1) ?? ''
  );
}

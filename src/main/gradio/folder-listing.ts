// Every name in a folder, from one directory walk: tells at once that a reference cannot resolve
// (its file name is found nowhere in the folder, exactly or loosely), so a log of a million rows is
// counted without a `stat` or a listing look-up per cell. Names that do occur are left to the
// AssetResolver, which knows the rest (candidate bases, loose directory names, symlinks).
import { resolve, sep } from 'node:path';
import { looseOf } from './dir-listings';
import { sha256Hex } from '../platform/lazy-hashes';
import { walkFolderSync, type FolderWalk, type WalkedDirectory } from './folder-walk';

export class FolderListing {
  private constructor(
    /** The folder, as an absolute path (the directories' paths begin with it). */
    readonly root: string,
    private readonly names: Set<string>,
    /** The loose forms of the names that are not their own (looseOf). */
    private readonly looseNames: Set<string>,
    /** A symlink was met: names behind it are unknown, so every name may be there. */
    private readonly partial: boolean,
    /** Every directory as the walk read it: the asset resolver's listings (AssetResolver.preload). */
    readonly directories: WalkedDirectory[],
  ) {}

  private hashed: string | null | undefined;

  /**
   * sha256 of every entry's path and type (Flagdeck's own `.flagdeck` left out), null when
   * partial. Hashed when first asked: only kept censuses need it.
   */
  get fingerprint(): string | null {
    this.hashed ??= this.partial ? null : sha256Hex(entriesOf(this.directories).sort().join('\n'));
    return this.hashed;
  }

  /**
   * The folder walked at once (walkFolderSync: the thread waits for the disk), for a one-shot
   * command's census.
   */
  static of(folder: string): FolderListing {
    const root = resolve(folder);
    const names = new Set<string>();
    const looseNames = new Set<string>();
    let walk: FolderWalk;
    try {
      walk = walkFolderSync(root);
    } catch {
      walk = { directories: [], unreadable: true };
    }
    let partial = walk.unreadable;
    for (const { entries } of walk.directories)
      for (const entry of entries) {
        names.add(entry.name);
        const loose = looseOf(entry.name);
        if (loose !== entry.name) looseNames.add(loose);
        if (entry.isSymbolicLink()) partial = true;
      }
    return new FolderListing(root, names, looseNames, partial, walk.directories);
  }

  /** Whether every directory was read and none of the entries is a symlink. */
  get complete(): boolean {
    return !this.partial;
  }

  /** Every name, as written and loosely; null when not every name is known (a symlink was met). */
  everyName(): string[] | null {
    return this.partial ? null : [...this.names, ...this.looseNames];
  }

  /** Whether a file named `name` (a reference's last segment, see lastSegment) may be in the folder. */
  mayHold(name: string): boolean {
    if (this.partial) return true;
    if (name === '..' || this.names.has(name)) return true;
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

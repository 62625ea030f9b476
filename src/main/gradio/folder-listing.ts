// Every name in a folder, from one directory walk: tells at once that a reference cannot resolve
// (its file name is found nowhere in the folder, exactly or loosely), so a log of a million rows is
// counted without a `stat` or a listing look-up per cell. Names that do occur are left to the
// AssetResolver, which knows the rest (candidate bases, loose directory names, symlinks).
import { sep } from 'node:path';
import { looseOf } from './dir-listings';
import { sha256Hex } from '../platform/lazy-hashes';
import { walkFolder } from './folder-walk';

/** One directory's names as the walk read them, and which of them are symlinks. */
export interface ListedDirectory {
  dir: string;
  names: string[];
  links: string[];
}

export class FolderListing {
  private constructor(
    private readonly names: Set<string>,
    private readonly looseNames: Set<string>,
    /** A symlink was met: names behind it are unknown, so every name may be there. */
    private readonly partial: boolean,
    /** Every entry's path and type, Flagdeck's own `.flagdeck` left out. */
    private readonly entries: string[],
    /** Every directory's names: the asset resolver's listings, read once (AssetResolver.preload). */
    readonly directories: ListedDirectory[],
  ) {}

  private hashed: string | null | undefined;

  /** sha256 of the entries, null when partial. Hashed when first asked: only kept censuses need it. */
  get fingerprint(): string | null {
    this.hashed ??= this.partial ? null : sha256Hex(this.entries.sort().join('\n'));
    return this.hashed;
  }

  static async of(root: string): Promise<FolderListing> {
    const names = new Set<string>();
    const looseNames = new Set<string>();
    const entries: string[] = [];
    const walk = await walkFolder(root).catch(() => ({ directories: [], unreadable: true }));
    let partial = walk.unreadable;
    const directories = walk.directories.map(({ dir, relative, entries: read }) => {
      const listed: ListedDirectory = { dir, names: [], links: [] };
      const below = relative.replaceAll('/', sep);
      const ours = relative.split('/')[0] === '.flagdeck';
      for (const entry of read) {
        names.add(entry.name);
        looseNames.add(looseOf(entry.name));
        listed.names.push(entry.name);
        if (entry.isSymbolicLink()) {
          partial = true;
          listed.links.push(entry.name);
        }
        const path = below === '' ? entry.name : below + sep + entry.name;
        if (!ours && path !== '.flagdeck') entries.push(`${path}\0${entry.isDirectory() ? 'd' : 'f'}`);
      }
      return listed;
    });
    return new FolderListing(names, looseNames, partial, entries, directories);
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
    return this.looseNames.has(looseOf(name));
  }
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

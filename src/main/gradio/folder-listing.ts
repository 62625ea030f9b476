// Every name in a folder, from one directory walk: tells at once that a reference cannot resolve
// (its file name is found nowhere in the folder, exactly or loosely), so a log of a million rows is
// counted without a `stat` or a listing look-up per cell. Names that do occur are left to the
// AssetResolver, which knows the rest (candidate bases, loose directory names, symlinks).
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { looseName } from './dir-listings';
import { sha256Hex } from '../platform/lazy-hashes';

/** Names a loose match could not change (lower-case ASCII without emoji or apostrophes). */
const ALREADY_LOOSE = /^[a-z0-9._\-, ]*$/;

export class FolderListing {
  private constructor(
    private readonly names: Set<string>,
    private readonly looseNames: Set<string>,
    /** A symlink was met: names behind it are unknown, so every name may be there. */
    private readonly partial: boolean,
    /** Every entry's path and type, Flagdeck's own `.flagdeck` left out. */
    private readonly entries: string[],
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
    let partial = false;
    try {
      for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
        names.add(entry.name);
        looseNames.add(looseName(entry.name));
        if (entry.isSymbolicLink()) partial = true;
        const path = relative(root, join(entry.parentPath, entry.name));
        if (path.split(sep)[0] !== '.flagdeck') entries.push(`${path}\0${entry.isDirectory() ? 'd' : 'f'}`);
      }
    } catch {
      partial = true;
    }
    return new FolderListing(names, looseNames, partial, entries);
  }

  /** Every name, as written and loosely; null when not every name is known (a symlink was met). */
  everyName(): string[] | null {
    return this.partial ? null : [...this.names, ...this.looseNames];
  }

  /** Whether a file named `name` (a reference's last segment, see lastSegment) may be in the folder. */
  mayHold(name: string): boolean {
    if (this.partial) return true;
    if (name === '..' || this.names.has(name)) return true;
    const loose = ALREADY_LOOSE.test(name) ? name.trim() : looseName(name);
    return this.looseNames.has(loose);
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

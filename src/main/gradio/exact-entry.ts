// A directory's entry looked up by its exact name with one `lstat`, where reading the directory
// costs five system calls: for the hash directories a walk of the folder listed but did not read
// (folder-listing.ts), a census looks up the one file each reference names.
import { sep } from 'node:path';
import { fs } from '../platform/node-fs';

export interface ExactEntry {
  link: boolean;
  directory: boolean;
}

/** No entry has the name as written, on a file system that tells names apart by case. */
export const NOT_THERE = Symbol('not there as written');

export class ExactLookup {
  /** Whether this folder's file system tells names apart by case: seen once, from a directory. */
  private caseSensitive: boolean | undefined;

  /**
   * The entry of `dir` named `name` as written, or NOT_THERE (it may still be there loosely);
   * undefined where only the directory's listing can tell: the name is no plain entry name, or the
   * file system ignores case (an entry found is then maybe written otherwise on disk, which the
   * listing would give).
   */
  entry(dir: string, name: string): ExactEntry | typeof NOT_THERE | undefined {
    if (name === '.' || name === '..' || name.includes('/') || name.includes(sep)) return undefined;
    this.caseSensitive ??= caseSensitiveAt(dir);
    if (this.caseSensitive !== true) return undefined;
    try {
      const info = fs.lstatSync(dir + sep + name, { throwIfNoEntry: false });
      return info ? { link: info.isSymbolicLink(), directory: info.isDirectory() } : NOT_THERE;
    } catch {
      return undefined;
    }
  }
}

/**
 * Whether `dir` is not found by its name in capitals (a hash directory's is lower-case hex);
 * undefined where the name has no letter to tell by, or an error tells nothing.
 */
function caseSensitiveAt(dir: string): boolean | undefined {
  const cut = dir.lastIndexOf(sep);
  const name = dir.slice(cut + 1);
  const capitals = name.toUpperCase();
  if (capitals === name) return undefined;
  try {
    return fs.lstatSync(dir.slice(0, cut + 1) + capitals, { throwIfNoEntry: false }) === undefined;
  } catch {
    return undefined;
  }
}

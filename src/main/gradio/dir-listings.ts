// Cached directory listings inside one folder, so resolving a 100k-row log does not stat the disk per cell.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { sep } from 'node:path';
import { ExactLookup, NOT_THERE, type ExactEntry } from './exact-entry';
import { ASSET_HASH_DIR } from './find-logs';
import { fs } from '../platform/node-fs';
import { looseOf } from './loose-name';

/** A listing older than this is read again when a name is not found (Gradio may have just written it). */
const STALE_MS = 2000;

/** An entry's type bits in a Listing: one look-up tells its name and type. */
const LINK = 1;
const DIRECTORY = 2;

interface Listing {
  at: number;
  /**
   * Each entry's type: LINK (a symbolic link, followed only when its target stays inside the
   * folder), DIRECTORY (a directory; a symlink to one is not).
   */
  entries: Map<string, number>;
  /** Loose name -> the first name with it: made when a name is first not found as written. */
  loose: Map<string, string> | undefined;
}

/** The time of a listing that is never read again (DirListings.prefill). */
const SNAPSHOT = Infinity;

/** A walk that would pass through a symlinked directory leading out of the folder. */
export const LEAVES_FOLDER = Symbol('leaves folder');

/**
 * An entry found, whether it is a directory where that is known without asking the disk, and
 * whether a walk of the folder listed it (then a directory it did not read is a hash directory,
 * whose entries are looked up by name: DirListings.prefill).
 */
type Found = { entry: string; link: boolean; directory?: boolean; walked?: boolean } | undefined;

/** Where a walk of names ended: the path, what its last entry is (DirListings.walk). */
export interface Walked {
  path: string;
  link: boolean;
  directory?: boolean;
}

/** Up to this many entries, a walked directory is looked through rather than indexed. */
const FEW_ENTRIES = 8;

/**
 * What a look-up waits for where it cannot answer yet (a directory being read, a symlink's target
 * being followed): once settled, the answer is known and the look-up is made again.
 */
export type Wait = Promise<void>;

export class DirListings {
  /** Directories read: their listings (undefined where one could not be read). */
  private readonly read = new Map<string, Listing | undefined>();
  /** Reads under way. */
  private readonly reading = new Map<string, Wait>();
  /** A walk's directories (prefill): their entries until first looked in, then their listing. */
  private readonly walked = new Map<string, Dirent[] | Listing>();
  /** Directories read just now elsewhere (remember): their entries, until first looked in. */
  private readonly fresh = new Map<string, { entries: Dirent[]; at: number }>();
  /** Symlinks walked through: whether the target stays inside the folder, and when that was seen. */
  private readonly linksInside = new Map<string, { inside: boolean; at: number }>();
  private readonly exact = new ExactLookup();

  /** `staysInside(path)`: whether a symlink's target is inside the folder (never list outside it). */
  constructor(private readonly staysInside: (path: string) => Promise<boolean>) {}

  /**
   * The entry of `dir` named `name` exactly, else loosely, and whether it is a symlink: from a
   * walked directory (most references of a census are looked up there), in a directory the walk
   * listed but did not read (`listedNotRead`: inUnread), else from the directory's listing once
   * read: until then, the read to wait for.
   */
  find(dir: string, name: string, listedNotRead = false): Found | Wait {
    const walked = this.walkedEntries(dir);
    if (walked !== undefined)
      return Array.isArray(walked) ? entryAmong(walked, name) : entryOf(walked, name, true);
    return listedNotRead ? this.inUnread(dir, name) : this.fromListing(dir, name);
  }

  /**
   * find in a hash directory a walk listed but did not read (only `inspect` walks a folder, whose
   * thread waits for the disk anyway): by its exact name, one `lstat`; where that cannot tell (the
   * name is not there as written, the file system ignores case), the directory is read at once
   * and not kept (a census looks in each hash directory once).
   */
  private inUnread(dir: string, name: string): Found {
    const exact = this.exact.entry(dir, name);
    if (exact !== undefined && exact !== NOT_THERE) return foundExactly(name, exact);
    try {
      return entryOf(listingOf(fs.readdirSync(dir, { withFileTypes: true }), Date.now()), name);
    } catch {
      return undefined;
    }
  }

  private fromListing(dir: string, name: string): Found | Wait {
    const pending = this.reading.get(dir);
    if (pending) return pending;
    if (!this.read.has(dir)) {
      const given = this.fresh.get(dir);
      if (!given) return this.exactElseRead(dir, name);
      this.fresh.delete(dir);
      this.read.set(dir, listingOf(given.entries, given.at));
    }
    const listing = this.read.get(dir);
    if (listing && !listing.entries.has(name) && Date.now() - listing.at > STALE_MS)
      return this.addedSince(listing, dir, name) ?? this.startRead(dir);
    return listing && entryOf(listing, name);
  }

  /**
   * A name not in a stale listing, there now as written (one `lstat`): added to the listing. A
   * followed folder of thousands of sample folders read its whole directory again for each new
   * sample's files. Undefined where only a new read can tell (not there as written: maybe loosely).
   */
  private addedSince(listing: Listing, dir: string, name: string): Found | undefined {
    const exact = this.exact.entry(dir, name);
    if (exact === undefined || exact === NOT_THERE) return undefined;
    listing.entries.set(name, (exact.link ? LINK : 0) | (exact.directory ? DIRECTORY : 0));
    const key = looseOf(name);
    if (listing.loose && !listing.loose.has(key)) listing.loose.set(key, name);
    return foundExactly(name, exact);
  }

  /**
   * find in a directory not read yet: by its exact name where that tells (ExactLookup, one
   * `lstat`), else from its listing, read now. A label directory `findLogs` did not read holds a
   * million copies in a large folder: a page's files are found without reading it, and a hash
   * directory that is not there is missing without reading it either (its name is its own loose
   * form: lower-case hex), as each follow poll asks again for the files of rows shown missing.
   */
  private exactElseRead(dir: string, name: string): Found | Wait {
    const exact = this.exact.entry(dir, name);
    if (exact === NOT_THERE) return ASSET_HASH_DIR.test(name) ? undefined : this.startRead(dir);
    return exact ? foundExactly(name, exact) : this.startRead(dir);
  }

  private startRead(dir: string): Wait {
    const pending = readListing(dir).then((listing) => {
      if (this.reading.get(dir) !== pending) return;
      this.reading.delete(dir);
      this.read.set(dir, listing);
    });
    this.reading.set(dir, pending);
    return pending;
  }

  /** Walks `segments` down from `dir`: where it ended, undefined, LEAVES_FOLDER, or what to wait for. */
  walk(dir: string, segments: string[]): Walked | undefined | typeof LEAVES_FOLDER | Wait {
    let current = dir;
    let last: Found;
    for (let index = 0; index < segments.length; index++) {
      // A directory a walk listed and `walked` does not hold is one the walk did not read.
      const found = this.find(current, segments[index], last?.walked === true && last.directory === true);
      if (found instanceof Promise || found === undefined) return found;
      last = found;
      current = childOf(current, found.entry);
      if (found.link && index < segments.length - 1) {
        const inside = this.linkStaysInside(current);
        if (inside !== true) return inside === false ? LEAVES_FOLDER : inside;
      }
    }
    return { path: current, link: last?.link ?? false, directory: last?.directory };
  }

  /** Whether the symlink at `path` leads to a target inside the folder; a while ago at most. */
  private linkStaysInside(path: string): boolean | Wait {
    const seen = this.linksInside.get(path);
    if (seen && Date.now() - seen.at <= STALE_MS) return seen.inside;
    return this.staysInside(path).then(
      (inside) => void this.linksInside.set(path, { inside, at: Date.now() }),
    );
  }

  /**
   * Takes `entries` as the listing of `dir`: a folder walked once is resolved against that
   * snapshot, without reading its directories again (nor when a name is not in one: what a walk
   * did not see, a count made from it does not count). Made into a listing when first looked in.
   * A directory listed there but not prefilled itself was not read (a hash directory): the name
   * asked for in it is looked up on the disk (ExactLookup), its listing read only where that
   * cannot tell.
   */
  prefill(dir: string, entries: Dirent[]): void {
    this.forget(dir);
    this.walked.set(dir, entries);
  }

  /**
   * A walked directory: its entries as read where they are few (looked through each time: no index
   * kept for each of many small directories; when hash directories were still walked, a million of
   * them cost 400 MB), else its listing, made once.
   */
  private walkedEntries(dir: string): Dirent[] | Listing | undefined {
    let walked = this.walked.get(dir);
    if (Array.isArray(walked) && walked.length > FEW_ENTRIES)
      this.walked.set(dir, (walked = snapshotOf(walked)));
    return walked;
  }

  /** The entries of `dir` remember was given, while they are fresh; else undefined. */
  freshEntries(dir: string): Dirent[] | undefined {
    const given = this.fresh.get(dir);
    return given && Date.now() - given.at <= STALE_MS ? given.entries : undefined;
  }

  /** Takes `entries` as `dir`'s listing, read just now: made when first looked in. */
  remember(dir: string, entries: Dirent[]): void {
    this.forget(dir);
    this.fresh.set(dir, { entries, at: Date.now() });
  }

  private forget(dir: string): void {
    this.read.delete(dir);
    this.reading.delete(dir);
  }
}

/** An entry ExactLookup found under the name asked for. */
function foundExactly(name: string, { link, directory }: ExactEntry): Found {
  return { entry: name, link, directory };
}

/** entryOf, looking through a few entries as read: the first named `name`, else loosely so. */
function entryAmong(entries: Dirent[], name: string): Found {
  let found = entries.find((entry) => entry.name === name);
  if (found === undefined) {
    const loose = looseOf(name);
    found = entries.find((entry) => looseOf(entry.name) === loose);
  }
  return (
    found && { entry: found.name, link: found.isSymbolicLink(), directory: found.isDirectory(), walked: true }
  );
}

function entryOf(listing: Listing, name: string, walked = false): Found {
  let entry = name;
  let type = listing.entries.get(name);
  if (type === undefined) {
    const loose = looseIndex(listing).get(looseOf(name));
    if (loose === undefined) return undefined;
    entry = loose;
    type = listing.entries.get(loose) ?? 0;
  }
  return { entry, link: (type & LINK) !== 0, directory: (type & DIRECTORY) !== 0, walked };
}

/** `dir` joined with an entry's name, as path.join gives it (`dir` is a walk's: normalized). */
function childOf(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

async function readListing(dir: string): Promise<Listing | undefined> {
  try {
    return listingOf(await readdir(dir, { withFileTypes: true }), Date.now());
  } catch {
    return undefined;
  }
}

/**
 * A walk's entries made into a listing once, whichever resolver looks in them first: `inspect`'s
 * two readers (the shape's and the census's) are given the same walk, and a label directory of a
 * million entries took 0.5 s to index.
 */
const snapshots = new WeakMap<Dirent[], Listing>();

function snapshotOf(read: Dirent[]): Listing {
  let listing = snapshots.get(read);
  if (!listing) snapshots.set(read, (listing = listingOf(read, SNAPSHOT)));
  return listing;
}

function listingOf(read: Dirent[], at: number): Listing {
  const entries = new Map<string, number>();
  for (const entry of read)
    entries.set(entry.name, (entry.isSymbolicLink() ? LINK : 0) | (entry.isDirectory() ? DIRECTORY : 0));
  return { at, entries, loose: undefined };
}

function looseIndex(listing: Listing): Map<string, string> {
  if (listing.loose === undefined) {
    listing.loose = new Map();
    for (const name of listing.entries.keys()) {
      const key = looseOf(name);
      if (!listing.loose.has(key)) listing.loose.set(key, name);
    }
  }
  return listing.loose;
}

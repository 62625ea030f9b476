// Cached directory listings inside one folder, so resolving a 100k-row log does not stat the disk per cell.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A listing older than this is read again when a name is not found (Gradio may have just written it). */
const STALE_MS = 2000;

interface Listing {
  at: number;
  names: Set<string>;
  /** Loose name -> the first name with it: made when a name is first not found as written. */
  loose: Map<string, string> | undefined;
  /** Entries that are symbolic links: followed only when their target stays inside the folder. */
  links: Set<string>;
  /** Entries that are directories (symlinks to one are not). */
  dirs: Set<string>;
}

/** The time of a listing that is never read again (DirListings.prefill). */
const SNAPSHOT = Infinity;

/** A walk that would pass through a symlinked directory leading out of the folder. */
export const LEAVES_FOLDER = Symbol('leaves folder');

/** Label-derived directory names lose emoji and apostrophes and keep stray spaces: compare loosely. */
export function looseName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-, ]/gu, '')
    .trim()
    .toLowerCase();
}

/** Names looseName could not change (lower-case ASCII without emoji or apostrophes). */
const ALREADY_LOOSE = /^[a-z0-9._\-, ]*$/;

/** looseName, without its Unicode work for the names it could not change. */
export function looseOf(name: string): string {
  return ALREADY_LOOSE.test(name) ? name.trim() : looseName(name);
}

type Found = { entry: string; link: boolean } | undefined;

/** Up to this many entries, a walked directory is looked through rather than indexed. */
const FEW_ENTRIES = 8;

/** findNow's answer where the listing must be read first. */
const UNREAD = Symbol('unread');

export class DirListings {
  private readonly cache = new Map<string, Promise<Listing | undefined>>();
  /** A walk's directories (prefill): their entries until first looked in, then their listing. */
  private readonly walked = new Map<string, Dirent[] | Listing>();
  /** Directories read just now elsewhere (remember): their entries, until first looked in. */
  private readonly fresh = new Map<string, { entries: Dirent[]; at: number }>();

  /** `staysInside(path)`: whether a symlink's target is inside the folder (never list outside it). */
  constructor(private readonly staysInside: (path: string) => Promise<boolean>) {}

  /**
   * The entry of `dir` named `name` exactly, else loosely, and whether it is a symlink: at once
   * from a walked directory (most references of a census are looked up there), else once read.
   */
  find(dir: string, name: string): Found | Promise<Found> {
    const now = this.findNow(dir, name);
    return now === UNREAD ? this.findRead(dir, name) : now;
  }

  private async findRead(dir: string, name: string): Promise<Found> {
    let listing = await this.listing(dir);
    if (listing && !listing.names.has(name) && Date.now() - listing.at > STALE_MS) {
      this.cache.delete(dir);
      listing = await this.listing(dir);
    }
    return listing && entryOf(listing, name);
  }

  /** Walks `segments` down from `dir`: the matched path, undefined, or LEAVES_FOLDER. */
  async walk(dir: string, segments: string[]): Promise<string | undefined | typeof LEAVES_FOLDER> {
    let current = dir;
    for (const [index, segment] of segments.entries()) {
      let found = this.find(current, segment);
      if (found instanceof Promise) found = await found;
      if (found === undefined) return undefined;
      current = join(current, found.entry);
      const throughLink = found.link && index < segments.length - 1;
      if (throughLink && !(await this.staysInside(current))) return LEAVES_FOLDER;
    }
    return current;
  }

  /**
   * Takes `entries` as the listing of `dir`: a folder walked once is resolved against that
   * snapshot, without reading its directories again (nor when a name is not in one: what a walk
   * did not see, a count made from it does not count). Made into a listing when first looked in.
   */
  prefill(dir: string, entries: Dirent[]): void {
    this.cache.delete(dir);
    this.walked.set(dir, entries);
  }

  /** Whether `dir`'s entry `name` is a directory, where `dir` was walked; else undefined. */
  isDirectory(dir: string, name: string): boolean | undefined {
    const walked = this.walkedEntries(dir);
    if (Array.isArray(walked)) return walked.find((entry) => entry.name === name)?.isDirectory();
    return walked?.names.has(name) ? walked.dirs.has(name) : undefined;
  }

  /** find, answered from a walked directory; UNREAD for any other. */
  private findNow(dir: string, name: string): Found | typeof UNREAD {
    const walked = this.walkedEntries(dir);
    if (walked === undefined) return UNREAD;
    return Array.isArray(walked) ? entryAmong(walked, name) : entryOf(walked, name);
  }

  /**
   * A walked directory: its entries as read where they are few (looked through each time: no sets
   * kept for each of a million hash directories, 400 MB), else its listing, made once.
   */
  private walkedEntries(dir: string): Dirent[] | Listing | undefined {
    let walked = this.walked.get(dir);
    if (Array.isArray(walked) && walked.length > FEW_ENTRIES)
      this.walked.set(dir, (walked = listingOf(walked, SNAPSHOT)));
    return walked;
  }

  /** Takes `entries` as `dir`'s listing, read just now: made when first looked in. */
  remember(dir: string, entries: Dirent[]): void {
    this.cache.delete(dir);
    this.fresh.set(dir, { entries, at: Date.now() });
  }

  private listing(dir: string): Promise<Listing | undefined> {
    let pending = this.cache.get(dir);
    if (!pending) {
      const read = this.fresh.get(dir);
      this.fresh.delete(dir);
      pending = read ? Promise.resolve(listingOf(read.entries, read.at)) : readListing(dir);
      this.cache.set(dir, pending);
    }
    return pending;
  }
}

/** entryOf, looking through a few entries as read: the first named `name`, else loosely so. */
function entryAmong(entries: Dirent[], name: string): Found {
  let found = entries.find((entry) => entry.name === name);
  if (found === undefined) {
    const loose = looseOf(name);
    found = entries.find((entry) => looseOf(entry.name) === loose);
  }
  return found && { entry: found.name, link: found.isSymbolicLink() };
}

function entryOf(listing: Listing, name: string): Found {
  const entry = listing.names.has(name) ? name : looseIndex(listing).get(looseOf(name));
  return entry === undefined ? undefined : { entry, link: listing.links.has(entry) };
}

async function readListing(dir: string): Promise<Listing | undefined> {
  try {
    return listingOf(await readdir(dir, { withFileTypes: true }), Date.now());
  } catch {
    return undefined;
  }
}

function listingOf(entries: Dirent[], at: number): Listing {
  const names = new Set<string>();
  const links = new Set<string>();
  const dirs = new Set<string>();
  for (const entry of entries) {
    names.add(entry.name);
    if (entry.isSymbolicLink()) links.add(entry.name);
    if (entry.isDirectory()) dirs.add(entry.name);
  }
  return { at, names, loose: undefined, links, dirs };
}

function looseIndex(listing: Listing): Map<string, string> {
  if (listing.loose === undefined) {
    listing.loose = new Map();
    for (const name of listing.names) {
      const key = looseOf(name);
      if (!listing.loose.has(key)) listing.loose.set(key, name);
    }
  }
  return listing.loose;
}

// Resolves a file reference written by Gradio to a file inside the opened folder, and never outside it.
// Order (issue #2): as written, relative to the folder (and the log's own dir), to its parent and
// grandparent (Gradio wrote paths relative to the demo's working directory), then the longest existing
// suffix inside the folder, matching label-derived directory names loosely.
import type { Dirent } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { DirListings, LEAVES_FOLDER, type Wait, type Walked } from './dir-listings';
import { notFoundStatus, WINDOWS_DRIVE } from './not-found-status';
import type { FolderListing } from './folder-listing';
import type { WalkedDirectory } from './folder-walk';
import { CandidateBase } from './candidate-base';

export type Resolution =
  | {
      status: 'resolved';
      absolute: string;
      path: string;
      /** Absent in a walked folder (preload): a census counts files, not bytes. */
      size?: number;
      directory: boolean;
    }
  | { status: 'missing' }
  | { status: 'outside' };

const MISS_TTL_MS = 2000;
/**
 * References remembered, the least recently asked for dropped first: pages scrolled back and forth
 * resolve once, while reading every row of a large log (an export's summary, a long scroll) holds
 * no more than this. Unbounded, a 100k-row summary kept 100k entries and spent a third of its time
 * collecting garbage.
 */
export const MEMO_ENTRIES = 8192;

interface MemoEntry {
  at: number;
  result: Promise<Resolution>;
  settled?: Resolution;
}

export class AssetResolver {
  private readonly listings = new DirListings((path) => this.staysInside(path));
  private readonly realRoot: Promise<string>;
  private readonly memo = new Map<string, MemoEntry>();
  private readonly candidateBases = new Map<string, CandidateBase[]>();
  /** The folder was walked whole and holds no symlink (preload): nothing found in it leads out. */
  private symlinkFree = false;
  private preloaded: FolderListing | undefined;

  constructor(private readonly root: string) {
    this.realRoot = realpath(root).catch(() => root);
  }

  /**
   * Takes the directories of a walk of this folder as read (`flagdeck inspect` resolves every
   * reference of a log: one `readdir` per directory again, and a `realpath` per file, took seconds
   * where Gradio gave each file a directory of its own).
   */
  preload(listing: FolderListing): void {
    // The walk of another folder (or of this one by another path) says nothing of this one's.
    if (this.preloaded === listing || listing.root !== this.root) return;
    this.preloaded = listing;
    for (const { dir, entries } of listing.directories) this.listings.prefill(dir, entries);
    this.symlinkFree = listing.symlinkFree;
  }

  /**
   * Takes directories of this folder read just now (FolderReader.findLogs) as their listings, read
   * again like any other once stale: a label directory of 100,000 hash directories was read twice.
   */
  knowDirectories(directories: WalkedDirectory[]): void {
    for (const { dir, entries } of directories) this.listings.remember(dir, entries);
  }

  /** The entries of a directory of this folder read just now (knowDirectories), while fresh. */
  readJustNow(dir: string): Dirent[] | undefined {
    return this.listings.freshEntries(dir);
  }

  resolve(ref: string, logDir: string): Promise<Resolution> {
    const key = `${logDir}\0${ref}`;
    const known = this.memo.get(key);
    // A miss is kept only briefly: Gradio may write the file a moment later.
    if (known && (known.settled?.status === 'resolved' || Date.now() - known.at < MISS_TTL_MS)) {
      this.remember(key, known);
      return known.result;
    }
    const entry: MemoEntry = { at: Date.now(), result: this.resolveNow(ref, logDir) };
    void entry.result.then((result) => (entry.settled = result));
    this.remember(key, entry);
    return entry.result;
  }

  /**
   * resolve, where the answer needs no wait for the disk (a census in a walked folder: its
   * listings are there, a hash directory's file is one `lstat`); undefined where it would wait.
   * Not remembered: a census asks for each reference once.
   */
  resolveAtOnce(ref: string, logDir: string): Resolution | undefined {
    // Where it would wait, what it waits for goes on: its answer is kept for the next to ask.
    const step = this.attempt(ref, logDir);
    if (step instanceof Promise) return undefined;
    return 'status' in step ? step : this.confirmedAtOnce(step);
  }

  /**
   * resolve for a column's kind (the shape's probe): an entry the listings tell of, no symlink, is
   * found without a `realpath` and a `stat` (per sample of an HF saver folder); nothing remembered.
   */
  forKinds(): Pick<AssetResolver, 'resolve'> {
    return { resolve: (ref, logDir) => this.resolveNow(ref, logDir, true) };
  }

  /** Attempts until one needs no more waiting; a found entry is then confirmed (or `asListed`). */
  private async resolveNow(ref: string, logDir: string, asListed = false): Promise<Resolution> {
    for (let step = this.attempt(ref, logDir); ; step = this.attempt(ref, logDir)) {
      if (step instanceof Promise) await step;
      else if ('status' in step) return step;
      else return (asListed && this.confirmedAtOnce(step, true)) || this.confirm(step);
    }
  }

  /** How many references are remembered (tests). */
  get remembered(): number {
    return this.memo.size;
  }

  /** Keeps `entry` as the most recently asked for (a Map iterates in insertion order). */
  private remember(key: string, entry: MemoEntry): void {
    this.memo.delete(key);
    this.memo.set(key, entry);
    if (this.memo.size > MEMO_ENTRIES) this.memo.delete(this.memo.keys().next().value as string);
  }

  /**
   * One attempt at resolving `ref` from what is known of the folder: the answer, an entry found
   * (to be confirmed), or what to wait for before attempting again (each wait is a directory
   * read or a symlink followed, then known: the attempts end).
   */
  private attempt(ref: string, logDir: string): Resolution | Walked | Wait {
    const trimmed = ref.trim();
    const written = trimmed.includes('\\') ? trimmed.replaceAll('\\', '/') : trimmed;
    const segments = written.split('/').filter((segment) => segment !== '' && segment !== '.');
    if (segments.length === 0) return { status: 'missing' };
    const drive = WINDOWS_DRIVE.test(written);
    const nowhere = this.nowhereToStart(segments, drive, logDir);
    if (nowhere !== false) return nowhere === true ? { status: notFoundStatus(this.root, ref) } : nowhere;
    let leaves = false;
    for (const inside of this.candidates(written, segments, drive, logDir)) {
      if (!inside) continue;
      const found = this.listings.walk(this.root, inside);
      if (found === LEAVES_FOLDER) leaves = true;
      else if (found) return found;
    }
    const start = drive ? 1 : 0;
    for (let from = start; from < segments.length; from += 1) {
      const suffix = segments.slice(from);
      if (suffix.includes('..')) continue;
      for (const base of logDir === this.root ? [this.root] : [logDir, this.root]) {
        const found = this.listings.walk(base, suffix);
        if (found === LEAVES_FOLDER) leaves = true;
        else if (found) return found;
      }
    }
    return { status: leaves ? 'outside' : notFoundStatus(this.root, ref) };
  }

  /**
   * The parts below the folder of the reference resolved against each base in turn (undefined
   * where it lies outside): the log's directory and those above it up to the folder, then the
   * folder's parent and grandparent (Gradio wrote paths relative to the demo's working directory).
   */
  private candidates(
    written: string,
    segments: string[],
    drive: boolean,
    logDir: string,
  ): (string[] | undefined)[] {
    if (drive) return [];
    if (isAbsolute(written)) return [this.insideParts(resolve(written))];
    // A plain relative path, the common case: joined to each base without path arithmetic.
    if (!segments.includes('..') && !written.includes(':'))
      return this.basesOf(logDir).map((base) => base.partsOf(segments));
    return this.bases(logDir).map((base) => this.insideParts(resolve(base, written)));
  }

  private bases(logDir: string): string[] {
    return [...this.logDirAndAncestors(logDir), dirname(this.root), dirname(dirname(this.root))];
  }

  /** Per log directory, its bases as CandidateBase (a folder's logs share a few directories). */
  private basesOf(logDir: string): CandidateBase[] {
    let known = this.candidateBases.get(logDir);
    if (!known) {
      known = this.bases(logDir).map((base) => this.candidateBase(base));
      this.candidateBases.set(logDir, known);
    }
    return known;
  }

  private candidateBase(base: string): CandidateBase {
    const below = base === this.root ? [] : this.insideParts(base);
    if (below) return new CandidateBase(below, undefined);
    const above = this.contains(base, this.root) ? relative(base, this.root).split(sep) : undefined;
    return new CandidateBase(undefined, above);
  }

  /**
   * Whether every walk below would fail at its first step, so the reference is found nowhere. For
   * a log at the folder's top, each walk starts at the folder with one of the reference's own
   * segments: the suffix walks by construction, and the walks of its resolved candidates too (their
   * parts below the folder are a suffix of the segments when no `..` climbs). Most references to
   * files no longer there fail this way; finding it out first spares the candidates' path
   * arithmetic, which took most of the time a log's shape spent on 200 such paths.
   */
  private nowhereToStart(segments: string[], drive: boolean, logDir: string): boolean | Wait {
    if (logDir !== this.root || segments.includes('..')) return false;
    for (const segment of drive ? segments.slice(1) : segments) {
      const found = this.listings.find(this.root, segment);
      if (found !== undefined) return found instanceof Promise ? found : false;
    }
    return true;
  }

  /**
   * The log's directory up to the folder: Gradio wrote paths relative to the flagging dir, which may
   * sit above the log (the HF saver's `<uuid>/metadata.jsonl` holds `<uuid>/…` paths).
   */
  private logDirAndAncestors(logDir: string): string[] {
    const bases = [this.root];
    if (!this.insideParts(logDir)) return bases;
    for (let dir = logDir; dir !== this.root && this.insideParts(dir); dir = dirname(dir)) bases.push(dir);
    return bases;
  }

  /** The path's segments below the root, or undefined when it lies outside. */
  private insideParts(absolute: string): string[] | undefined {
    return this.contains(this.root, absolute) ? relative(this.root, absolute).split(sep) : undefined;
  }

  /**
   * insideParts of a path the walk found (the root joined with names), `/`-separated: without path
   * arithmetic.
   */
  private pathBelowRoot(found: string): string | undefined {
    const prefix = this.root.endsWith(sep) ? this.root : this.root + sep;
    if (!found.startsWith(prefix)) return this.insideParts(found)?.join('/');
    const below = found.slice(prefix.length);
    // path.relative's `..name` reads as leaving the folder (contains): so here too.
    if (below === '' || below.startsWith(sep) || below.startsWith('..')) return undefined;
    return sep === '/' ? below : below.replaceAll(sep, '/');
  }

  /** Whether a path's real location (symlinks followed) is inside the folder; false if it is gone. */
  private async staysInside(path: string): Promise<boolean> {
    const real = await realpath(path).catch(() => undefined);
    return real !== undefined && this.contains(await this.realRoot, real);
  }

  private contains(base: string, path: string): boolean {
    const rel = relative(base, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  }

  /**
   * A found entry counts only if its real path (symlinks followed) is still inside the folder. In
   * a walked folder without symlinks it is, where the entry is no symlink either, and the walk
   * knows whether it is a directory: nothing is asked of the disk (a `stat` per file was a third
   * of a census's time; `asListed`: taken so in any folder, forKinds). Undefined where the disk
   * must be asked (confirm).
   */
  private confirmedAtOnce(walked: Walked, asListed = this.symlinkFree): Resolution | undefined {
    const { path: found, link, directory } = walked;
    if (!asListed || link || directory === undefined) return undefined;
    const path = this.pathBelowRoot(found);
    return path === undefined
      ? { status: 'outside' }
      : { status: 'resolved', absolute: found, path, directory };
  }

  private async confirm(walked: Walked): Promise<Resolution> {
    const known = this.confirmedAtOnce(walked);
    if (known) return known;
    try {
      const path = this.pathBelowRoot(walked.path);
      const real = await realpath(walked.path);
      if (!this.contains(await this.realRoot, real) || path === undefined) return { status: 'outside' };
      const info = await stat(real);
      return {
        status: 'resolved',
        absolute: walked.path,
        path,
        size: info.size,
        directory: info.isDirectory(),
      };
    } catch {
      return { status: 'missing' };
    }
  }
}

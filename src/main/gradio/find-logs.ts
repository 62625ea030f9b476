// Every log in a flagging folder: any `*.csv` and the HF saver's per-sample `metadata.jsonl`, skipping
// the copies of flagged files Gradio keeps (a flagged File may itself be a CSV): hash directories
// and the label directories that hold them are not read.
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { fs } from '../platform/node-fs';
import { walkFolder, type WalkedDirectory } from './folder-walk';

const MAX_DEPTH = 6;
/** Directories that are never part of a flagging log: ours, VCS, environments, example caches. */
const SKIPPED_DIRS = new Set([
  '.flagdeck',
  '.git',
  'node_modules',
  '__pycache__',
  'cached_examples',
  'gradio_cached_examples',
]);
/** `secrets.token_hex(10|20)` directories hold copies of flagged files, not logs. */
export const ASSET_HASH_DIR = /^(?:[0-9a-f]{20}|[0-9a-f]{40})$/;

/** A directory no log is looked for in (nor watched): ours, VCS, environments, example caches. */
function holdsNoLogs(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.venv');
}

/** Whether a directory so named may hold logs: the walk enters it (and a followed folder watches it). */
export function mayHoldLogs(name: string): boolean {
  return !holdsNoLogs(name) && !ASSET_HASH_DIR.test(name);
}

/** `tempfile`'s names for the files Gradio 3.x copied straight into a label directory. */
const GRADIO_TEMP_FILE = /^tmp[a-z0-9_]{8}\.[A-Za-z0-9]+$/;
/** The entries looked at: a label directory's are all copies. */
const FIRST_ENTRIES = 8;

/** Whether the entry `name` (a directory when `directory`) is one of Gradio's copies. */
function isGradioCopy(name: string, directory: boolean): boolean {
  return directory ? ASSET_HASH_DIR.test(name) : GRADIO_TEMP_FILE.test(name);
}

/**
 * Whether `dir` is a component's label directory, where Gradio keeps its copies of flagged files (a
 * hash directory per file from 3.35 on, `tmpXXXXXXXX.ext` files before): its first entries are all
 * copies (dot files aside: a Finder's `.DS_Store`). It never holds a log, and it holds an entry per
 * flagged file (a million took 1.3 s to read): told from the first entries the disk gives, without
 * reading the rest (false where it cannot be read).
 */
export function holdsCopies(dir: string): boolean {
  return peekDirectory(dir).copies;
}

/**
 * holdsCopies, and the directory's entries where those looked at were all of them (an HF saver
 * sample folder's: its log and a label directory): the walk then does not read it again.
 */
function peekDirectory(dir: string): { copies: boolean; entries?: Dirent[] } {
  let handle;
  try {
    handle = fs.opendirSync(dir);
  } catch {
    return { copies: false };
  }
  try {
    let copies = 0;
    let notCopy = false;
    const entries: Dirent[] = [];
    for (let seen = 0; seen <= FIRST_ENTRIES; seen++) {
      const entry = handle.readSync();
      if (entry === null) return { copies: !notCopy && copies > 0, entries };
      // One more than it looks at: whether those were all.
      if (seen === FIRST_ENTRIES) break;
      entries.push(entry);
      if (entry.name.startsWith('.')) continue;
      if (!isGradioCopy(entry.name, entry.isDirectory())) notCopy = true;
      else copies++;
    }
    return { copies: !notCopy && copies > 0 };
  } catch {
    return { copies: false };
  } finally {
    handle.closeSync();
  }
}

export async function findLogs(root: string): Promise<string[]> {
  return (await walkForLogs(root)).logs;
}

/** findLogs, with the directories it read (their listings, for the folder's asset resolver). */
export async function walkForLogs(root: string): Promise<{ logs: string[]; directories: WalkedDirectory[] }> {
  // Hash directories and label directories hold copies of flagged files, never a log: not read
  // (nor watched). A label directory's copies are looked up by name (DirListings).
  const peeked = new Map<string, Dirent[]>();
  const descend = (entry: Dirent, depth: number, parent: string): boolean => {
    if (depth > MAX_DEPTH || !mayHoldLogs(entry.name)) return false;
    const dir = join(parent, entry.name);
    const { copies, entries } = peekDirectory(dir);
    if (!copies && entries) peeked.set(dir, entries);
    return !copies;
  };
  const readJustNow = (dir: string): Dirent[] | undefined => {
    const entries = peeked.get(dir);
    peeked.delete(dir);
    return entries;
  };
  const { directories } = await walkFolder(root, descend, readJustNow);
  const logs: string[] = [];
  for (const { relative, entries } of directories)
    for (const entry of entries)
      if (entry.isFile() && isLogName(entry.name))
        logs.push(relative ? `${relative}/${entry.name}` : entry.name);
  return { logs: logs.sort(naturalOrder), directories };
}

/**
 * Whether findLogs would list `file` (relative to `root`, `/`-separated), told without walking the
 * folder: a file named as a log, in directories the walk enters (no symlink among them). A followed
 * folder asked the walk for each new file: 0.4 s for 5,000 HF saver sample folders, per flag.
 */
export function isLogIn(root: string, file: string): boolean {
  const parts = file.split('/');
  const name = parts.pop() ?? '';
  if (!isLogName(name) || parts.length > MAX_DEPTH) return false;
  let dir = root;
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..' || !mayHoldLogs(part)) return false;
    dir = join(dir, part);
    if (lstatOf(dir)?.isDirectory() !== true || holdsCopies(dir)) return false;
  }
  return lstatOf(join(dir, name))?.isFile() === true;
}

function lstatOf(path: string) {
  return fs.lstatSync(path, { throwIfNoEntry: false });
}

/** A log's file name: any `*.csv`, and the HF saver's `metadata.jsonl`. */
export function isLogName(name: string): boolean {
  return name === 'metadata.jsonl' || name.toLowerCase().endsWith('.csv');
}

/** The log-named files right in the directory `dir` (absolute paths); throws where it cannot be read. */
export function logFilesIn(dir: string): string[] {
  return logFilesAmong(dir, fs.readdirSync(dir, { withFileTypes: true }));
}

/** logFilesIn, read on libuv's threads: a burst of new directories does not hold this thread. */
export async function logFilesInSoon(dir: string): Promise<string[]> {
  return logFilesAmong(dir, await fs.promises.readdir(dir, { withFileTypes: true }));
}

function logFilesAmong(dir: string, entries: Dirent[]): string[] {
  return entries
    .filter((entry) => entry.isFile() && isLogName(entry.name))
    .map((entry) => join(dir, entry.name));
}

// Made on first use: an ICU collator costs tens of milliseconds, and a folder of one log never sorts.
let collator: Intl.Collator | undefined;
function naturalOrder(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator.compare(a, b);
}

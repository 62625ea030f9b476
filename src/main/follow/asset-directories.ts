// Which directories of a followed folder hold Gradio's copies of flagged files (a component's
// label directory): one hash directory per file from 3.35 on, `tmpXXXXXXXX.ext` files before. Such
// a directory never holds a log, and it grows by one entry per flag: chokidar re-reads a directory
// it watches on every change in it, with an `lstat` per entry, so a watched label directory of
// 100,000 hash directories cost more than a core while the demo flagged. They are not watched.
import { dirname } from 'node:path';
import { ASSET_HASH_DIR, isLogName } from '../gradio/find-logs';
import { fs } from '../platform/node-fs';

/** `tempfile`'s names for the files Gradio 3.x copied straight into a label directory. */
const GRADIO_TEMP_FILE = /^tmp[a-z0-9_]{8}\.[A-Za-z0-9]+$/;
/** The entries looked at to tell a directory's kind: a label directory's are all copies. */
const PEEK_ENTRIES = 8;

/** Whether the entry `name` (a directory when `directory`) is one of Gradio's copies. */
export function isGradioCopy(name: string, directory: boolean): boolean {
  return directory ? ASSET_HASH_DIR.test(name) : GRADIO_TEMP_FILE.test(name);
}

export class AssetDirectories {
  /** Directories told apart so far: whether each holds copies. */
  private readonly known = new Map<string, boolean>();

  /** `learned(dir)`: a directory was found to hold copies after it was first judged otherwise. */
  constructor(private readonly learned: (dir: string) => void) {}

  /**
   * Whether the directory `dir` holds copies: judged once, from its first entries (as the disk
   * gives them: a million-entry directory is not read).
   */
  holdsCopies(dir: string): boolean {
    let holds = this.known.get(dir);
    if (holds === undefined) this.known.set(dir, (holds = firstEntriesAreCopies(dir)));
    return holds;
  }

  /** Whether `dir` was judged to hold copies (nothing is read). */
  judgedCopies(dir: string): boolean {
    return this.known.get(dir) === true;
  }

  /**
   * A copy was seen at `path` (a hash directory's name there): its directory holds copies. A
   * directory that held none when judged (a label directory made just before its first copy) is
   * reported once, for its watch to be dropped.
   */
  copySeen(path: string): void {
    const dir = dirname(path);
    if (this.known.get(dir) === true) return;
    const judged = this.known.has(dir);
    this.known.set(dir, true);
    if (judged) this.learned(dir);
  }
}

/** Whether the first entries of `dir` include a copy and no log. */
function firstEntriesAreCopies(dir: string): boolean {
  let handle;
  try {
    handle = fs.opendirSync(dir);
  } catch {
    return false;
  }
  try {
    let copies = 0;
    for (let seen = 0; seen < PEEK_ENTRIES; seen++) {
      const entry = handle.readSync();
      if (entry === null) break;
      if (entry.isFile() && isLogName(entry.name)) return false;
      if (isGradioCopy(entry.name, entry.isDirectory())) copies++;
    }
    return copies > 0;
  } catch {
    return false;
  } finally {
    handle.closeSync();
  }
}

// Which directories of a followed folder hold Gradio's copies of flagged files (find-logs.ts holdsCopies).
// Such a directory never holds a log, and it grows by one entry per flag: chokidar re-reads a
// directory it watches on every change in it, with an `lstat` per entry, so a watched label
// directory of 100,000 hash directories cost more than a core while the demo flagged. They are not
// watched.
import { dirname } from 'node:path';
import { holdsCopies } from '../gradio/find-logs';

export class AssetDirectories {
  /** Directories told apart so far: whether each holds copies. */
  private readonly known = new Map<string, boolean>();

  /** `learned(dir)`: a directory was found to hold copies after it was first judged otherwise. */
  constructor(private readonly learned: (dir: string) => void) {}

  /** Whether the directory `dir` holds copies: judged once, from its first entries. */
  holdsCopies(dir: string): boolean {
    let holds = this.known.get(dir);
    if (holds === undefined) this.known.set(dir, (holds = holdsCopies(dir)));
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

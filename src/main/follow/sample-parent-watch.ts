// The directory that holds the HF saver's sample folders, once it holds many, is watched with one
// plain fs.watch, not by chokidar: chokidar reads a directory it watches again after each change in
// it, with an lstat per entry (chokidar 5 always asks for stats), so that each sample flagged among
// 5,000 cost about 70 ms of lstat calls. fs.watch names the entry that changed; a new sample folder
// is watched the same way until its log has settled (sample-folders.ts), for its log to be told of
// at once.
import type { FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { fs } from '../platform/node-fs';
import { isLogName, logFilesIn, mayHoldLogs } from '../gradio/find-logs';
import { isSampleFolder, SAMPLE_LOG, SettlingSamples } from './sample-folders';

/**
 * When a parent is first watched, its entries are read this many at a time, and this many of its
 * samples' logs looked at together, through libuv's four threads (which the app's other reads
 * share): done at once on the calling thread, the 20,000 of a large folder held the app's main
 * thread 142-205 ms; now 3-7 ms at most.
 */
const ENTRIES_READ_AT_ONCE = 256;
const SAMPLES_LOOKED_AT_ONCE = 16;

/** What a sample parent's watch tells: absolute paths. */
export interface SampleParentEvents {
  logChanged(path: string, added: boolean): void;
  logRemoved(path: string): void;
  /** A directory that is no sample folder appeared: it is for chokidar to watch. */
  directoryAdded(path: string): void;
  /** Something changed in a sample parent that fs.watch did not name: its logs are to be looked for. */
  unnamed(): void;
  error(error: unknown): void;
}

type Kind = 'directory' | 'file' | 'link' | 'gone';

/** What `path` is now; a symlink is followed no more than chokidar would (nor is it a log: find-logs.ts). */
function kindOf(path: string): Kind {
  try {
    const stats = fs.lstatSync(path);
    return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'gone';
  }
}

export class SampleParentWatch {
  private readonly watches = new Map<string, FSWatcher>();
  private readonly settling: SettlingSamples;
  private closed = false;

  constructor(
    private readonly events: SampleParentEvents,
    settledMs: number,
  ) {
    this.settling = new SettlingSamples(settledMs, (dir) => this.unwatch(dir));
  }

  /**
   * Watches `dir`, and those of its sample folders whose log has not settled yet. Returns its other
   * directories that may hold logs: chokidar's to watch, which does not enter `dir`. The directory
   * is watched first: a sample flagged while its entries are looked at is told of by the watch.
   */
  async watchParent(dir: string): Promise<string[]> {
    this.watch(dir, (name, added) =>
      name === null ? this.events.unnamed() : this.parentEntry(dir, name, added),
    );
    const others: string[] = [];
    const samples: string[] = [];
    // Read in batches, each a turn of its own: 20,000 entries at once held the thread 26-41 ms.
    for await (const entry of await fs.promises.opendir(dir, { bufferSize: ENTRIES_READ_AT_ONCE })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (isSampleFolder(path)) samples.push(path);
      else if (mayHoldLogs(entry.name)) others.push(path);
    }
    // A few loops taking the next sample each: no promise made per sample up front.
    let next = 0;
    const lookAtTheRest = async (): Promise<void> => {
      while (next < samples.length && !this.closed) {
        const path = samples[next++];
        if (!(await this.settling.settledSoon(path))) this.watchSample(path);
      }
    };
    await Promise.all(Array.from({ length: SAMPLES_LOOKED_AT_ONCE }, lookAtTheRest));
    return others;
  }

  /** Also ends a start under way: no sample is watched after it. */
  close(): void {
    this.closed = true;
    this.settling.stop();
    for (const watcher of this.watches.values()) watcher.close();
    this.watches.clear();
  }

  private parentEntry(dir: string, name: string, added: boolean): void {
    const path = join(dir, name);
    const kind = kindOf(path);
    if (isSampleFolder(path)) return this.sampleEntry(path, kind);
    if (isLogName(name)) {
      if (kind === 'gone') this.events.logRemoved(path);
      else if (kind === 'file') this.events.logChanged(path, added);
      return;
    }
    if (kind === 'directory' && added && mayHoldLogs(name)) this.directoryAdded(path);
  }

  /** chokidar is to watch it; the logs it holds already (which chokidar would not tell of) are told now. */
  private directoryAdded(dir: string): void {
    this.events.directoryAdded(dir);
    for (const log of logFilesIn(dir)) this.events.logChanged(log, true);
  }

  private sampleEntry(dir: string, kind: Kind): void {
    const log = join(dir, SAMPLE_LOG);
    if (kind === 'gone') {
      this.unwatch(dir);
      return this.events.logRemoved(log);
    }
    if (kind !== 'directory') return;
    // The saver writes the folder, then its log: a log there already is told of now.
    if (!this.watches.has(dir) && !this.settling.settled(dir)) this.watchSample(dir);
    if (kindOf(log) === 'file') this.events.logChanged(log, true);
  }

  private watchSample(dir: string): void {
    if (this.closed) return;
    this.watch(dir, (name, added) => {
      if (name !== SAMPLE_LOG && name !== null) return;
      const log = join(dir, SAMPLE_LOG);
      const kind = kindOf(log);
      if (kind === 'file') this.events.logChanged(log, added);
      else if (kind === 'gone') this.events.logRemoved(log);
    });
    this.settling.young(dir);
  }

  /**
   * fs.watch on `dir`: `onEntry(name, added)` for each entry it names ('rename': added or gone);
   * null where it names none, which Node allows on every platform ("not always guaranteed").
   */
  private watch(dir: string, onEntry: (name: string | null, added: boolean) => void): void {
    if (this.watches.has(dir)) return;
    const watcher = fs.watch(dir, { persistent: false }, (type, name) => {
      try {
        onEntry(name ? name.toString() : null, type === 'rename');
      } catch (error) {
        // An entry gone while it was looked at is told of by its own event.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.events.error(error);
      }
    });
    // A sample folder removed takes its watch with it; the parent's error is the folder's problem.
    watcher.on('error', (error) => {
      this.unwatch(dir);
      if (!isSampleFolder(dir)) this.events.error(error);
    });
    this.watches.set(dir, watcher);
  }

  private unwatch(dir: string): void {
    this.watches.get(dir)?.close();
    this.watches.delete(dir);
  }
}

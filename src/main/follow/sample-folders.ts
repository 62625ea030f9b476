// The HF saver's per-sample folders (`separate_dirs=True`): one `<uuid>/metadata.jsonl` per flagged
// sample, written once, with the sample's files beside it. Watching each (the folder and its log)
// held two inotify watches per sample: 10,001 for 5,000 samples, past the 8,192 that Linux allowed
// by default before 5.11. A sample folder is watched while it is new only; a rewrite of an older one
// is still found by the follow polls (poll-some.ts), as an append to any log is.
import { fs } from '../platform/node-fs';
import { basename, join } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SAMPLE_LOG = 'metadata.jsonl';

/**
 * A directory holding this many sample folders or more is watched by sample-parent-watch.ts, not
 * chokidar, whose read of the directory after each change cost 9 ms of CPU a flag at 95 samples
 * and 113 ms at 300 (3.9 and 4.6 ms watched apart): each settled sample it unwatched added two
 * matchers to its ignored paths, which every path it looks at is matched against. One that grows
 * to it while followed is watched so from then on (folder-following.ts watchApartOnceMany).
 */
export const SAMPLE_PARENT_MIN = 10;

/** The directory (absolute) holding the sample folder of `log` (`/`-separated, below `root`), if one. */
export function sampleParentOf(root: string, log: string): string | undefined {
  const parts = log.split('/');
  if (parts.length < 2 || parts[parts.length - 1] !== SAMPLE_LOG) return undefined;
  if (!UUID.test(parts[parts.length - 2])) return undefined;
  return join(root, ...parts.slice(0, -2));
}

/**
 * The directories (absolute) of the folder `root` that hold SAMPLE_PARENT_MIN sample folders or
 * more, from the folder's logs (`/`-separated paths below it).
 */
export function sampleParentsOf(root: string, logs: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const log of logs) {
    const parent = sampleParentOf(root, log);
    if (parent !== undefined) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count >= SAMPLE_PARENT_MIN).map(([parent]) => parent);
}

/** A sample folder's log unchanged this long is written: its folder is no longer watched. */
export const SAMPLE_SETTLED_MS = 10_000;

/** Whether the directory `dir` is named as a sample folder is (its log may not be there yet). */
export function isSampleFolder(dir: string): boolean {
  return UUID.test(basename(dir));
}

/** Whether the directory `dir` is a sample folder whose log was last changed `settledMs` ago or more. */
export function isSettledSample(dir: string, settledMs: number, now = Date.now()): boolean {
  if (!isSampleFolder(dir)) return false;
  try {
    return now - fs.statSync(join(dir, SAMPLE_LOG)).mtimeMs >= settledMs;
  } catch {
    return false;
  }
}

/** isSettledSample through libuv's threads: a directory's thousands of samples, the thread free meanwhile. */
async function isSettledSampleSoon(dir: string, settledMs: number): Promise<boolean> {
  if (!isSampleFolder(dir)) return false;
  const log = await fs.promises.stat(join(dir, SAMPLE_LOG)).catch(() => undefined);
  return log !== undefined && Date.now() - log.mtimeMs >= settledMs;
}

/**
 * The followed folder's sample folders: those settled (known once: chokidar asks again for every
 * entry of a directory on each change in it, and the root holds every sample), and those watched
 * until they are, each looked at again every `settledMs`; `onSettled(dir)` is called once it is.
 */
export class SettlingSamples {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settledDirs = new Set<string>();

  constructor(
    private readonly settledMs: number,
    private readonly onSettled: (dir: string) => void,
  ) {}

  /** Whether the sample folder `dir` is settled: its log was left alone for `settledMs`. */
  settled(dir: string): boolean {
    return this.settledDirs.has(dir) || this.known(dir, isSettledSample(dir, this.settledMs));
  }

  /** settled(), its log's `stat` made by libuv's threads. */
  async settledSoon(dir: string): Promise<boolean> {
    return this.settledDirs.has(dir) || this.known(dir, await isSettledSampleSoon(dir, this.settledMs));
  }

  private known(dir: string, settled: boolean): boolean {
    if (settled) this.settledDirs.add(dir);
    return settled;
  }

  /** Looks at `dir` again in `settledMs` (once, however often it is asked). */
  young(dir: string): void {
    if (this.timers.has(dir)) return;
    const timer = setTimeout(() => {
      this.timers.delete(dir);
      // A sample folder removed meanwhile is done with too.
      if (this.settled(dir) || !fs.existsSync(dir)) this.onSettled(dir);
      else this.young(dir);
    }, this.settledMs);
    timer.unref();
    this.timers.set(dir, timer);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

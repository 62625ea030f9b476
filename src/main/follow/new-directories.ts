// A directory that appears in a followed folder is looked at again, a second and ten seconds later.
// chokidar lists a new directory before it watches it (chokidar 5, handler.js _handleDir: _handleRead,
// then _watchWithNodeFs; paulmillr/chokidar#1112), so a file made in between is told of only at the
// directory's next change: never, for the HF saver's sample folder, whose log is written once right
// after its folder. The second look is for a machine so busy that chokidar's listing (queued behind
// other file reads) ends after the first.
import { logFilesInSoon } from '../gradio/find-logs';

/** When a new directory is looked at again (by the first, chokidar has watched it unless very busy). */
export const NEW_DIRECTORY_LOOKS_MS: readonly number[] = [1000, 10_000];

export class NewDirectories {
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Set by stop(): a look still reading says nothing once the watch is closed. */
  private stopped = false;

  /**
   * `logFound(path)`: a log-named file of a new directory (absolute), whether told of or not, at
   * each look (the follow takes a known log's report as a change to check).
   */
  constructor(
    private readonly logFound: (path: string) => void,
    private readonly looksMs = NEW_DIRECTORY_LOOKS_MS,
  ) {}

  /** The directory `dir` appeared: its logs are looked for again at each of `looksMs`. */
  appeared(dir: string): void {
    for (const ms of this.looksMs) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.lookAt(dir);
      }, ms);
      timer.unref();
      this.timers.add(timer);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private lookAt(dir: string): void {
    logFilesInSoon(dir).then(
      (logs) => {
        if (!this.stopped) for (const log of logs) this.logFound(log);
      },
      () => undefined, // Gone again: its removal is an event of its own.
    );
  }
}

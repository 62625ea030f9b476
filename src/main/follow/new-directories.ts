// A directory that appears in a followed folder is looked at once more, a second later. chokidar
// lists a new directory before it watches it (chokidar 5, handler.js _handleDir: _handleRead, then
// _watchWithNodeFs; paulmillr/chokidar#1112), so a file made in between is told of only at the
// directory's next change: never, for the HF saver's sample folder, whose log is written once right
// after its folder.
import { logFilesIn } from '../gradio/find-logs';

/** Long enough for chokidar to have listed and watched the directory. */
export const NEW_DIRECTORY_RECHECK_MS = 1000;

export class NewDirectories {
  private readonly timers = new Set<NodeJS.Timeout>();

  /** `logFound(path)`: a log-named file of a new directory (absolute), whether told of or not. */
  constructor(
    private readonly logFound: (path: string) => void,
    private readonly recheckMs = NEW_DIRECTORY_RECHECK_MS,
  ) {}

  /** The directory `dir` appeared: its logs are looked for again in a while. */
  appeared(dir: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.lookAt(dir);
    }, this.recheckMs);
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private lookAt(dir: string): void {
    let logs: string[];
    try {
      logs = logFilesIn(dir);
    } catch {
      return; // Gone again: its removal is an event of its own.
    }
    for (const log of logs) this.logFound(log);
  }
}

// Turns the library's per-file events into one byte count for the whole push: an LFS file counts
// size × its upload fraction; regular files (inlined in the commit body, no events of their own)
// count when their commit lands.
import type { CommitProgressEvent } from '@huggingface/hub';

export type PushPhase = 'preparing' | 'hashing' | 'uploading' | 'committing' | 'done';

export interface PushProgress {
  phase: PushPhase;
  /** 1-based index of the commit under way, and how many the push makes. */
  commit: number;
  commits: number;
  bytesSent: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
}

export class ProgressTracker {
  private readonly fractions = new Map<string, number>();
  private doneBytes = 0;
  private doneFiles = 0;
  private phase: PushPhase = 'preparing';
  private commit = 0;

  constructor(
    private readonly totals: { bytes: number; files: number; commits: number },
    private readonly emit: (progress: PushProgress) => void,
  ) {}

  startCommit(index: number): void {
    this.commit = index;
    this.phase = 'hashing';
    this.report();
  }

  onEvent(event: CommitProgressEvent, sizeOf: (path: string) => number): void {
    if (event.event === 'phase') {
      this.phase =
        event.phase === 'committing'
          ? 'committing'
          : event.phase === 'uploadingLargeFiles'
            ? 'uploading'
            : 'hashing';
    } else if (event.state === 'uploading') {
      const before = this.fractions.get(event.path) ?? 0;
      if (event.progress <= before) return;
      this.fractions.set(event.path, event.progress);
      this.doneBytes += (event.progress - before) * sizeOf(event.path);
    } else return;
    this.report();
  }

  /** Every file of the commit is now on the Hub. */
  commitLanded(files: { path: string; size: number }[]): void {
    for (const file of files) {
      const before = this.fractions.get(file.path) ?? 0;
      this.doneBytes += (1 - before) * file.size;
      this.fractions.delete(file.path);
    }
    this.doneFiles += files.length;
    this.report();
  }

  finish(): void {
    this.phase = 'done';
    this.report();
  }

  private report(): void {
    this.emit({
      phase: this.phase,
      commit: this.commit,
      commits: this.totals.commits,
      bytesSent: Math.round(Math.min(this.doneBytes, this.totals.bytes)),
      bytesTotal: this.totals.bytes,
      filesDone: this.doneFiles,
      filesTotal: this.totals.files,
    });
  }
}

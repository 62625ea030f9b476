// Appends lines to the journal: O_APPEND, one write() per batch, then fsync. On Linux a single
// write to a file opened with O_APPEND lands whole at the end of the file, so several processes
// may append to one journal without their lines interleaving.
//
// Each batch but the file's first starts with a newline: if a writer ever died mid-write (power loss, a short write),
// its torn line is ended there instead of swallowing the next writer's first line. The blank lines
// this leaves between batches are skipped by readers.
//
// A batch is all or nothing: when a write or the fsync fails (disk full, an immutable file), the
// journal is cut back to where the batch started, so no line of a failed edit is ever applied.
//
// The calls are synchronous on purpose: queries keep libuv's four file-system threads busy (a page
// resolves a hundred asset paths), and an edit's stat, write and fsync queued behind them took
// seconds. A few small synchronous calls per edit cost the event loop about one fsync.
// Through the module object, so a test can watch the write and the fsync happen in order.
import { fs } from '../platform/node-fs';

const { closeSync, fstatSync, ftruncateSync, openSync, statSync } = fs;

/** The one write call, replaceable by tests that need a short write or a full disk on cue. */
export type WriteChunk = (fd: number, data: Buffer, offset: number, length: number) => number;

const writeChunk: WriteChunk = (fd, data, offset, length) => fs.writeSync(fd, data, offset, length);

/** An append that failed; `kept` says whether part of the batch is still in the journal. */
export class JournalWriteError extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
    readonly kept: boolean,
  ) {
    super(message);
  }
}

/** Where a batch landed: its first line starts at `start`, its last ends just before `end`. */
export interface Landed {
  start: number;
  end: number;
}

const codeOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));

export class JournalWriter {
  private constructor(
    private fd: number,
    private readonly path: string,
    private readonly write: WriteChunk,
  ) {}

  static async open(path: string, write: WriteChunk = writeChunk): Promise<JournalWriter> {
    return new JournalWriter(openSync(path, 'a'), path, write);
  }

  /**
   * Appends `text` (whole lines) and resolves once it is on disk, to where it landed; on failure
   * nothing of it stays. Null when another process appended meanwhile: then only a read can tell
   * where (O_APPEND puts the batch at whatever the end was at the moment of the write).
   */
  async append(text: string): Promise<Landed | null> {
    const { size } = fstatSync(this.fd);
    const separator = size === 0 ? '' : '\n';
    const data = Buffer.from(`${separator}${text}`, 'utf8');
    let written = 0;
    try {
      while (written < data.length) {
        // A short write is rare (disk full, signal); what is left is appended right after.
        written += this.write(this.fd, data, written, data.length - written);
      }
      fs.fsyncSync(this.fd);
    } catch (error) {
      const kept = written > 0 && !this.cutBack(size, written);
      throw new JournalWriteError(
        kept
          ? `could not write ${this.path} (${codeOf(error)}), nor cut it back to where this edit started: part of the edit may stay in it`
          : `could not write ${this.path} (${codeOf(error)}); nothing of this edit was saved`,
        error,
        kept,
      );
    }
    // The file grew by exactly our bytes: nobody appended between the size read and now.
    const end = size + data.length;
    return fstatSync(this.fd).size === end ? { start: size + separator.length, end } : null;
  }

  /** Cuts the journal back to `start` when the only bytes after it are the `written` of ours. */
  private cutBack(start: number, written: number): boolean {
    try {
      const { size } = fstatSync(this.fd);
      if (size !== start + written && size !== start) return false;
      if (size === start) return true;
      ftruncateSync(this.fd, start);
      fs.fsyncSync(this.fd);
      return true;
    } catch {
      return false;
    }
  }

  /** Reopens when the journal was replaced (deleted, moved) under us, so lines go where readers look. */
  async follow(): Promise<void> {
    const mine = fstatSync(this.fd);
    const current = statSync(this.path, { throwIfNoEntry: false });
    if (current && current.ino === mine.ino && current.dev === mine.dev) return;
    closeSync(this.fd);
    this.fd = openSync(this.path, 'a');
  }

  async close(): Promise<void> {
    closeSync(this.fd);
  }
}

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
import { open, stat, type FileHandle } from 'node:fs/promises';

/** The one write call, replaceable by tests that need a short write or a full disk on cue. */
export type WriteChunk = (handle: FileHandle, data: Buffer, offset: number, length: number) => Promise<number>;

const writeChunk: WriteChunk = async (handle, data, offset, length) =>
  (await handle.write(data, offset, length)).bytesWritten;

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

const codeOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));

export class JournalWriter {
  private constructor(
    private handle: FileHandle,
    private readonly path: string,
    private readonly write: WriteChunk,
  ) {}

  static async open(path: string, write: WriteChunk = writeChunk): Promise<JournalWriter> {
    return new JournalWriter(await open(path, 'a'), path, write);
  }

  /** Appends `text` (whole lines) and resolves once it is on disk; on failure nothing of it stays. */
  async append(text: string): Promise<void> {
    const { size } = await this.handle.stat();
    const data = Buffer.from(size === 0 ? text : `\n${text}`, 'utf8');
    let written = 0;
    try {
      while (written < data.length) {
        // A short write is rare (disk full, signal); what is left is appended right after.
        written += await this.write(this.handle, data, written, data.length - written);
      }
      await this.handle.sync();
    } catch (error) {
      const kept = written > 0 && !(await this.cutBack(size, written));
      throw new JournalWriteError(
        kept
          ? `could not write ${this.path} (${codeOf(error)}), nor cut it back to where this edit started: part of the edit may stay in it`
          : `could not write ${this.path} (${codeOf(error)}); nothing of this edit was saved`,
        error,
        kept,
      );
    }
  }

  /** Cuts the journal back to `start` when the only bytes after it are the `written` of ours. */
  private async cutBack(start: number, written: number): Promise<boolean> {
    try {
      const { size } = await this.handle.stat();
      if (size !== start + written && size !== start) return false;
      if (size === start) return true;
      await this.handle.truncate(start);
      await this.handle.sync();
      return true;
    } catch {
      return false;
    }
  }

  /** Reopens when the journal was replaced (deleted, moved) under us, so lines go where readers look. */
  async follow(): Promise<void> {
    const [mine, current] = await Promise.all([this.handle.stat(), stat(this.path).catch(() => null)]);
    if (current && current.ino === mine.ino && current.dev === mine.dev) return;
    await this.handle.close();
    this.handle = await open(this.path, 'a');
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

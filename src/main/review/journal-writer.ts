// Appends lines to the journal: O_APPEND, one write() per batch, then fsync. On Linux a single
// write to a file opened with O_APPEND lands whole at the end of the file, so several processes
// may append to one journal without their lines interleaving.
//
// Each batch but the file's first starts with a newline: if a writer ever died mid-write (power loss, a short write),
// its torn line is ended there instead of swallowing the next writer's first line. The blank lines
// this leaves between batches are skipped by readers.
import { open, stat, type FileHandle } from 'node:fs/promises';

export class JournalWriter {
  private constructor(
    private handle: FileHandle,
    private readonly path: string,
  ) {}

  static async open(path: string): Promise<JournalWriter> {
    return new JournalWriter(await open(path, 'a'), path);
  }

  /** Appends `text` (whole lines) and resolves once it is on disk. */
  async append(text: string): Promise<void> {
    const { size } = await this.handle.stat();
    const data = Buffer.from(size === 0 ? text : `\n${text}`, 'utf8');
    let written = 0;
    while (written < data.length) {
      // A short write is rare (disk full, signal); what is left is appended right after.
      const { bytesWritten } = await this.handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
    await this.handle.sync();
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

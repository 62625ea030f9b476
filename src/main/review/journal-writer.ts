// Appends lines to the journal: O_APPEND, one write() per batch, then fsync. On Linux a single
// write to a file opened with O_APPEND lands whole at the end of the file, so several processes
// may append to one journal without their lines interleaving.
import { open, stat, type FileHandle } from 'node:fs/promises';

export class JournalWriter {
  private constructor(
    private handle: FileHandle,
    private readonly path: string,
    /** A torn last line (crash mid-write) must not swallow the next line: end it first. */
    private needsNewline: boolean,
  ) {}

  static async open(path: string): Promise<JournalWriter> {
    const handle = await open(path, 'a');
    return new JournalWriter(handle, path, await endsWithoutNewline(path));
  }

  /** Appends `text` (whole lines) and resolves once it is on disk. */
  async append(text: string): Promise<void> {
    const data = Buffer.from(this.needsNewline ? `\n${text}` : text, 'utf8');
    let written = 0;
    while (written < data.length) {
      // A short write is rare (disk full, signal); what is left is appended right after.
      const { bytesWritten } = await this.handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
    this.needsNewline = false;
    await this.handle.sync();
  }

  /** Reopens when the journal was replaced (deleted, moved) under us, so lines go where readers look. */
  async follow(): Promise<void> {
    const [mine, current] = await Promise.all([this.handle.stat(), stat(this.path).catch(() => null)]);
    if (current && current.ino === mine.ino && current.dev === mine.dev) return;
    await this.handle.close();
    this.handle = await open(this.path, 'a');
    this.needsNewline = await endsWithoutNewline(this.path);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function endsWithoutNewline(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

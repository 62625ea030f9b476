// Replaces a file atomically: write a temp file beside it, fsync, rename over, fsync the folder.
// A reader sees the old file or the new one, never half of either, even across a crash.
import { randomHex } from '../platform/lazy-hashes';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * `data` may come in parts, written one after the other. `mode` sets the new file's permissions
 * (0o600 for a secret readable by its owner only). `durable: false` skips the fsyncs, for caches
 * that a crash may lose (they are rebuilt) but must never leave half-written.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | readonly Uint8Array[],
  { mode = 0o666, durable = true }: { mode?: number; durable?: boolean } = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomHex(6)}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      // Each writeFile goes on from where the one before it ended.
      for (const part of Array.isArray(data) ? data : [data]) await handle.writeFile(part);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (durable) await syncDir(dirname(path));
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Temporary copies of fixture folders, so a test may append to a log (Gradio's files are never
// written by Flagdeck, but a test plays Gradio's part).
import { appendFile, chmod, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Copies `source` into a fresh temp dir; returns the copy's path (same base name as the source). */
export async function copyFolder(source: string): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'flagdeck-e2e-'));
  const target = join(parent, basename(source));
  await cp(source, target, { recursive: true });
  // Real-world fixtures are read-only on disk; the copy must be writable like a live flagging dir.
  await makeWritable(target);
  return target;
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(path);
    else await chmod(path, 0o644);
  }
}

/** Removes a copy made by `copyFolder` (its temp parent included). */
export async function removeCopy(copy: string): Promise<void> {
  await rm(join(copy, '..'), { recursive: true, force: true });
}

/** Appends CSV text to a log the way Gradio does: one write, records ending in `\r\n`. */
export async function appendToLog(file: string, records: string[]): Promise<void> {
  await appendFile(file, records.map((r) => `${r}\r\n`).join(''));
}

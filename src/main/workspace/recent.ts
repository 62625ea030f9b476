// The folders opened lately (`workspace.recent`), kept in a small JSON file written atomically.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const KEEP = 12;

export async function readRecent(file: string | undefined): Promise<string[]> {
  if (!file) return [];
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

export async function rememberRecent(file: string | undefined, paths: string[]): Promise<void> {
  if (!file) return;
  const previous = await readRecent(file);
  const next = [...paths, ...previous.filter((p) => !paths.includes(p))].slice(0, KEEP);
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(next));
  await rename(temp, file);
}

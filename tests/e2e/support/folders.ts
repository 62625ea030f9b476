// Temporary copies of fixture folders, so a test may append to a log (Gradio's files are never
// written by Flagdeck, but a test plays Gradio's part).
import { appendFile, chmod, copyFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { fixture, realWorld } from './paths';

/**
 * The copy's path below its temp dir: the source's path under the real-world or fixtures root
 * (so `IMMontoya__instant_interview_bot/.gradio/flagged` keeps the names tests look for), else
 * its base name.
 */
function copyName(source: string): string {
  for (const root of [realWorld(), fixture()]) {
    const rel = relative(root, source);
    if (rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)) return rel;
  }
  return basename(source);
}

/** Copies `source` into a fresh temp dir; returns the copy's path (ending like the source's). */
export async function copyFolder(source: string): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'flagdeck-e2e-'));
  const target = join(parent, copyName(source));
  await cp(source, target, { recursive: true });
  // Real-world fixtures are read-only on disk; the copy must be writable like a live flagging dir.
  await makeWritable(target);
  return target;
}

/** Removes a copy made by `copyFolder` (its temp dir included). */
export async function removeCopy(copy: string): Promise<void> {
  const tmp = tmpdir();
  const top = relative(tmp, copy).split(sep)[0];
  if (!top.startsWith('flagdeck-e2e-')) throw new Error(`not a copy made by copyFolder: ${copy}`);
  await rm(join(tmp, top), { recursive: true, force: true });
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(path);
    else await chmod(path, 0o644);
  }
}

/** Appends CSV text to a log the way Gradio does: one write, records ending in `\r\n`. */
export async function appendToLog(file: string, records: string[]): Promise<void> {
  await appendFile(file, records.map((r) => `${r}\r\n`).join(''));
}

/**
 * A CSVLogger folder of flagged images: `prompt,image,flag,username,timestamp`, one image file per
 * row, every third row flagged `bad`, the others `good`. `distinctBytes` appends that many bytes
 * of the row's number after each PNG's end (readers ignore them), so every file is its own upload.
 */
export async function imageLogFolder(root: string, rows: number, distinctBytes = 0): Promise<void> {
  const png = fixture('gradio', 'inputs', 'input.png');
  const lines = ['prompt,image,flag,username,timestamp'];
  for (let i = 1; i <= rows; i++) {
    const hex = i.toString(16).padStart(20, '0');
    const file = join(root, 'image', hex, 'input.png');
    await mkdir(join(root, 'image', hex), { recursive: true });
    await copyFile(png, file);
    if (distinctBytes > 0) await writeFile(file, Buffer.alloc(distinctBytes, i), { flag: 'a' });
    const flag = i % 3 === 0 ? 'bad' : 'good';
    lines.push(`prompt ${i},image/${hex}/input.png,${flag},tester,2026-11-25 12:00:00.000000`);
  }
  await writeFile(join(root, 'log.csv'), `${lines.join('\r\n')}\r\n`);
}

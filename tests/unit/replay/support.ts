// Running `flagdeck replay` in-process as a script would, and reading what a run stored.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { vi } from 'vitest';
import { replayCommand } from '../../../src/main/cli/replay';
import type { ReplayResult, ReplayRunInfo } from '../../../src/shared/replay';

export async function runReplay(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  try {
    const code = await replayCommand.run(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

export interface StoredRun {
  dir: string;
  info: ReplayRunInfo;
  /** By sample id. */
  results: Map<string, ReplayResult>;
  lines: number;
}

export async function storedRun(folder: string, run: string): Promise<StoredRun> {
  const dir = join(folder, '.flagdeck/replays', run);
  const info = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')) as ReplayRunInfo;
  const text = await readFile(join(dir, 'results.jsonl'), 'utf8').catch(() => '');
  const lines = text.split('\n').filter((line) => line !== '');
  const results = new Map(lines.map((line) => JSON.parse(line) as ReplayResult).map((r) => [r.id, r]));
  return { dir, info, results, lines: lines.length };
}

/** The data rows of a Gradio 5+/6 dataset1.csv, in order (first cell of each row). */
export async function firstCells(folder: string): Promise<string[]> {
  const text = await readFile(join(folder, 'dataset1.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => (line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : (line.split(',')[0] ?? '')));
}

export async function runDirs(folder: string): Promise<string[]> {
  return (await readdir(join(folder, '.flagdeck/replays'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

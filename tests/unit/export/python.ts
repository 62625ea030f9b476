// The Python that reads exports back (real `datasets`): FLAGDECK_PYTHON, else the repository's
// .venv-py (scripts/python-env.sh makes it). Tests that need it are skipped, saying why, without.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoPython = join(import.meta.dirname, '../../../.venv-py/bin/python');

export const python: string | undefined =
  process.env.FLAGDECK_PYTHON ?? (existsSync(repoPython) ? repoPython : undefined);

export const NO_PYTHON =
  'no Python with `datasets`: run scripts/python-env.sh or set FLAGDECK_PYTHON (round trips skipped)';

const script = join(import.meta.dirname, 'read-dataset.py');

export interface LoadedDataset {
  features: Record<string, string>;
  rows: Record<string, unknown>[];
}

export type LoadOutcome = LoadedDataset | { error: string };

export interface ImageInfo {
  mode: string;
  size: [number, number];
  pixels: string;
}

/** Runs the reader script offline, with a fresh cache (`datasets` must not answer from an old one). */
async function runPython(args: string[]): Promise<string> {
  if (!python) throw new Error(NO_PYTHON);
  const home = await mkdtemp(join(tmpdir(), 'flagdeck-hf-home-'));
  try {
    const { stdout } = await run(python, [script, ...args], {
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, HF_DATASETS_OFFLINE: '1', HF_HUB_OFFLINE: '1', HF_HOME: home },
    });
    return stdout;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Loads each `[builder, folder]` with real `datasets`, in one Python process. */
export async function loadAllWithDatasets(jobs: [string, string][], scratch: string): Promise<LoadOutcome[]> {
  const file = join(scratch, `jobs-${Date.now()}.json`);
  await writeFile(file, JSON.stringify(jobs));
  return JSON.parse(await runPython(['batch', file])) as LoadOutcome[];
}

/** Mode, size and a hash of the decoded pixels of each image (PIL). */
export async function pixelsOf(files: string[]): Promise<ImageInfo[]> {
  if (files.length === 0) return [];
  return JSON.parse(await runPython(['pixels', ...files])) as ImageInfo[];
}

// The Python that reads exports back (real `datasets`): FLAGDECK_PYTHON, else the repository's
// .venv-py (scripts/python-env.sh makes it). Tests that need it are skipped, saying why, without.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
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

export interface ImageInfo {
  mode: string;
  size: [number, number];
  pixels: string;
}

async function runPython(args: string[]): Promise<string> {
  if (!python) throw new Error(NO_PYTHON);
  const { stdout } = await run(python, [script, ...args], {
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      HF_DATASETS_OFFLINE: '1',
      HF_HUB_OFFLINE: '1',
      HF_HOME: join(import.meta.dirname, '../../../.venv-py/hf-home'),
    },
  });
  return stdout;
}

export async function loadWithDatasets(builder: string, folder: string): Promise<LoadedDataset> {
  return JSON.parse(await runPython([builder, folder])) as LoadedDataset;
}

export async function pixelsOf(files: string[]): Promise<ImageInfo[]> {
  return JSON.parse(await runPython(['pixels', ...files])) as ImageInfo[];
}

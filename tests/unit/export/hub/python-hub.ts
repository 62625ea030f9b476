// Real Python `huggingface_hub` and `datasets` pointed at the local Hub (HF_ENDPOINT), xet off.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { python } from '../python';

const run = promisify(execFile);
const script = join(import.meta.dirname, 'read-hub.py');

export interface HubDataset {
  files: string[];
  card: string;
  features: Record<string, string>;
  rows: Record<string, unknown>[];
}

export async function pythonHub<T>(endpoint: string, token: string, args: string[]): Promise<T> {
  if (!python) throw new Error('no Python');
  const home = await mkdtemp(join(tmpdir(), 'flagdeck-hf-home-'));
  try {
    const { stdout } = await run(python, [script, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        HF_ENDPOINT: endpoint,
        HF_TOKEN: token,
        HF_HUB_DISABLE_XET: '1',
        HF_HOME: home,
        HF_HUB_OFFLINE: '0',
        HF_DATASETS_OFFLINE: '0',
        HF_HUB_DISABLE_TELEMETRY: '1',
      },
    });
    return JSON.parse(stdout) as T;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

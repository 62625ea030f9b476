// Dataset layouts written the way an export writes them, for push tests: an imagefolder with real
// PNGs, `metadata.jsonl` beside them and a README card; and helpers around the local Hub.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startHubServer, type HubServer, type HubServerOptions } from '../../../support/hub-server';

export const WRITE_TOKEN = 'hf_test_write_7f3a9c1e5b';
export const READ_TOKEN = 'hf_test_read_2b8d4f6a0c';

export function startTestHub(options: Omit<HubServerOptions, 'tokens'> = {}): Promise<HubServer> {
  return startHubServer({
    ...options,
    tokens: {
      [WRITE_TOKEN]: { user: { name: 'alice', orgs: ['lab'] }, role: 'write' },
      [READ_TOKEN]: { user: { name: 'alice' }, role: 'read' },
    },
  });
}

export const LABELS = ['cat', 'dog', 'bird'];

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `flagdeck-${prefix}-`));
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

async function png(index: number, side = 8): Promise<Buffer> {
  return sharp({
    create: {
      width: side,
      height: side,
      channels: 3,
      background: { r: index % 256, g: (index * 7) % 256, b: 90 },
    },
  })
    .png()
    .toBuffer();
}

/** `data/train/images/NNNN.png` × count, `data/train/metadata.jsonl`, README.md with configs. */
export async function writeImageFolder(dir: string, count: number): Promise<void> {
  const split = join(dir, 'data', 'train');
  await mkdir(join(split, 'images'), { recursive: true });
  const rows: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = `images/${String(i).padStart(4, '0')}.png`;
    await writeFile(join(split, name), await png(i));
    rows.push(
      JSON.stringify({ file_name: name, label: LABELS[i % LABELS.length], status: 'keep', note: '' }),
    );
  }
  await writeFile(join(split, 'metadata.jsonl'), rows.join('\n') + '\n');
  await writeFile(
    join(dir, 'README.md'),
    [
      '---',
      'configs:',
      '- config_name: default',
      '  data_files:',
      '  - split: train',
      '    path: data/train/**',
      '---',
      `# Test dataset (${count} samples)`,
      '',
    ].join('\n'),
  );
}

/** A file of `bytes` random-ish bytes at `path` below `dir` (binary: it goes through LFS). */
export async function writeBlob(dir: string, path: string, bytes: number): Promise<void> {
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4096) buffer[i] = (i / 4096) % 251;
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), buffer);
}

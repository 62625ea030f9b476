// What was pushed is what Python reads back: `flagdeck push` (the CLI, over the exporter's layout)
// to the local Hub, then real `huggingface_hub` lists and downloads, and `datasets.load_dataset`
// loads the repo through HF_ENDPOINT. Also Python's own upload_folder against the same server.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pushCommand } from '../../../../src/main/cli/push';
import type { HubServer } from '../../../support/hub-server';
import { FIXTURES } from '../support';
import { NO_PYTHON, python } from '../python';
import { pythonHub, type HubDataset } from './python-hub';
import { startTestHub, writeImageFolder, WRITE_TOKEN } from './staging';

let hub: HubServer;
let base: string;
let folder: string;

beforeAll(async () => {
  hub = await startTestHub();
  base = await mkdtemp(join(tmpdir(), 'flagdeck-push-cli-'));
  folder = join(base, 'flagged');
  await cp(join(FIXTURES, '4.44.1/components_inputs/flagged'), folder, { recursive: true });
  vi.stubEnv('HF_TOKEN', WRITE_TOKEN);
  vi.stubEnv('XDG_DATA_HOME', join(base, 'data'));
  vi.stubEnv('HF_ENDPOINT', '');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await hub.close();
  await rm(base, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    const code = await pushCommand.run(argv);
    return { code, out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('flagdeck push', () => {
  it('pushes with --json and prints rows, files, bytes, repo, commit and skipped', async () => {
    const { code, out } = await cli([
      folder,
      '--repo',
      'alice/cli',
      '--status',
      'any',
      '--format',
      'parquet',
      '--hub-url',
      hub.url,
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['bytes', 'commit', 'files', 'repo', 'rows', 'skipped']);
    expect(result.repo).toBe('alice/cli');
    const stored = hub.store.get('dataset', 'alice/cli')!;
    expect(result.commit).toBe(stored.branches.get('main'));
    expect(stored.private).toBe(true);
    const head = stored.commits.get(stored.branches.get('main')!)!;
    expect([...head.files.keys()]).toEqual(
      expect.arrayContaining(['README.md', 'data/train-00000-of-00001.parquet']),
    );
    expect(result.rows).toBeGreaterThan(0);
    expect(out).not.toContain(WRITE_TOKEN);
  });

  it('creates a public repo with --public, and prints one summary line with the repo link', async () => {
    const { code, out } = await cli([
      folder,
      '--repo',
      'alice/cli-public',
      '--status',
      'any',
      '--format',
      'imagefolder',
      '--public',
      '--hub-url',
      hub.url,
    ]);
    expect(code).toBe(0);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(
      new RegExp(`^pushed \\d+ samples as imagefolder to ${hub.url}/datasets/alice/cli-public `),
    );
    expect(hub.store.get('dataset', 'alice/cli-public')!.private).toBe(false);
  });

  it('shows progress on a TTY and clears it before the summary line', async () => {
    const written: string[] = [];
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const write = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      const { code, out } = await cli([
        folder,
        '--repo',
        'alice/cli-tty',
        '--status',
        'any',
        '--format',
        'parquet',
        '--hub-url',
        hub.url,
      ]);
      expect(code).toBe(0);
      expect(out).toMatch(/^pushed \d+ samples as parquet/);
    } finally {
      write.mockRestore();
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    const text = written.join('');
    expect(text).toMatch(/writing the dataset: \d+\/\d+ samples/);
    expect(text).toMatch(/uploading: [\d.]+ k?B of [\d.]+ (k|M)?B/);
    expect(written.at(-1)).toBe('\r\x1b[K');
    expect(text).not.toContain(WRITE_TOKEN);
  });

  it('says what the statuses hold when the selection is empty, and pushes nothing', async () => {
    const error = (await cli([folder, '--repo', 'alice/empty', '--hub-url', hub.url]).catch(
      (e: Error) => e,
    )) as Error;
    expect(error.message).toMatch(
      /no samples to export with status keep \(matching the filter: 0 keep, .* unreviewed\)/,
    );
    expect(hub.store.get('dataset', 'alice/empty')).toBeUndefined();
  });

  it('refuses a bad command line', async () => {
    await expect(cli([folder])).rejects.toThrow('missing --repo <owner/name>');
    await expect(cli([folder, '--repo', 'a/b', '--format', 'gradio'])).rejects.toThrow(
      '--format gradio: use imagefolder, audiofolder or parquet',
    );
    await expect(cli([folder, '--repo', 'a/b', '--private', '--public'])).rejects.toThrow(
      'choose --private or --public',
    );
  });
});

describe.skipIf(!python)(`Python reads the pushed repo${python ? '' : ` (skipped: ${NO_PYTHON})`}`, () => {
  it('loads an imagefolder push with datasets: rows, labels and decoded images', async () => {
    const dir = join(base, 'stage-images');
    await writeImageFolder(dir, 12);
    const { pushDataset } = await import('../../../../src/main/export/hub');
    await pushDataset({
      dir,
      repo: 'alice/py-images',
      format: 'imagefolder',
      private: true,
      hubUrl: hub.url,
      token: WRITE_TOKEN,
      maxFilesPerCommit: 5,
    });
    const read = await pythonHub<HubDataset>(hub.url, WRITE_TOKEN, ['load', 'alice/py-images']);
    expect(read.files).toContain('data/train/metadata.jsonl');
    expect(read.card).toContain('# Test dataset (12 samples)');
    expect(read.features).toMatchObject({ image: 'Image', label: 'Value' });
    expect(read.rows).toHaveLength(12);
    expect(read.rows.map((r) => r.label)).toEqual(
      Array.from({ length: 12 }, (_, i) => ['cat', 'dog', 'bird'][i % 3]),
    );
    expect(read.rows[0].image).toMatchObject({ mode: 'RGB', size: [8, 8] });
  });

  it('loads the CLI Parquet push of a Gradio folder with its Image and Audio columns', async () => {
    const read = await pythonHub<HubDataset>(hub.url, WRITE_TOKEN, ['load', 'alice/cli']);
    expect(Object.values(read.features)).toEqual(expect.arrayContaining(['Image', 'Audio']));
    expect(read.rows.length).toBeGreaterThan(0);
    const images = read.rows
      .flatMap((row) =>
        Object.entries(row)
          .filter(([name]) => read.features[name] === 'Image')
          .map(([, v]) => v),
      )
      .filter(Boolean);
    expect(images.length).toBeGreaterThan(0);
  });

  it("accepts Python's own upload_folder (preupload, LFS batch + verify, commit)", async () => {
    const dir = join(base, 'stage-python');
    await writeImageFolder(dir, 3);
    const out = await pythonHub<{ commit: string; files: string[] }>(hub.url, WRITE_TOKEN, [
      'upload',
      'alice/py-upload',
      dir,
    ]);
    expect(out.files).toEqual(
      expect.arrayContaining(['README.md', 'data/train/images/0002.png', 'data/train/metadata.jsonl']),
    );
    expect(hub.requests.some((r) => r.path.startsWith('/lfs-verify/') && r.status === 200)).toBe(true);
  });
});

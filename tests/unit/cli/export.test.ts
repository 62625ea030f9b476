// `flagdeck export` as scripts call it: the exact flags, one JSON object with --json, the kept
// samples by default (review state from the folder's journal), errors that say what to do.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../src/main/cli/command';
import { exportCommand } from '../../../src/main/cli/export';
import { reviewCommand } from '../../../src/main/cli/review';

const FIXTURE = join(import.meta.dirname, '../../fixtures/gradio/4.44.1/components_inputs/flagged');
let base: string;
let folder: string;

async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  try {
    const code = await exportCommand.run(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-export-cli-'));
  folder = join(base, 'flagged');
  await cp(FIXTURE, folder, { recursive: true });
  vi.stubEnv('XDG_DATA_HOME', join(base, 'data'));
});

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(base, { recursive: true, force: true });
});

describe('flagdeck export', () => {
  it('refuses a bad command line with the usage', async () => {
    await expect(exportCommand.run([folder, '--out', join(base, 'x')])).rejects.toThrow(UsageError);
    await expect(exportCommand.run([folder, '--format', 'zip', '--out', 'x'])).rejects.toThrow(
      '--format must be one of gradio, imagefolder, audiofolder, parquet',
    );
    await expect(exportCommand.run([folder, '--format', 'gradio'])).rejects.toThrow(
      '--out <dir> is required',
    );
    await expect(
      exportCommand.run([folder, '--format', 'gradio', '--out', 'x', '--status', 'maybe']),
    ).rejects.toThrow('unknown --status "maybe"');
  });

  it('says how many samples each status has when the selection is empty', async () => {
    const { code, err } = await runCli([folder, '--format', 'gradio', '--out', join(base, 'none')]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /no samples to export with status keep \(matching the filter: 0 keep, 0 drop, 0 unsure, \d+ unreviewed\)/,
    );
  });

  it('exports the kept samples and prints one JSON object with --json', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(
      await reviewCommand.run([
        folder,
        '--set',
        'log.csv#1',
        'log.csv#2',
        '--status',
        'keep',
        '--reason',
        'fine',
      ]),
    ).toBe(0);
    vi.restoreAllMocks();
    const out = join(base, 'kept');
    const result = await runCli([folder, '--format', 'imagefolder', '--out', out, '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out) as Record<string, unknown>;
    expect(Object.keys(printed).sort()).toEqual(['bytes', 'files', 'out', 'rows', 'skipped']);
    expect(printed).toMatchObject({ rows: 2, files: 4, out, skipped: [] });
    expect((await readdir(out)).sort()).toEqual(['README.md', 'data']);

    const again = await runCli([folder, '--format', 'imagefolder', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    expect(again.err).toContain('--force');
  });

  it('takes several statuses and reasons, and prints one summary line', async () => {
    const out = join(base, 'any');
    const {
      code,
      out: printed,
      err,
    } = await runCli([
      folder,
      '--format',
      'gradio',
      '--out',
      out,
      '--status',
      'keep',
      '--status',
      'unreviewed',
      '--reason',
      'fine',
    ]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(printed.split('\n')).toHaveLength(1);
    expect(printed).toMatch(
      new RegExp(`^exported 2 samples as gradio to ${out} \\(\\d+ files, [\\d.]+ kB\\)$`),
    );
  });
});

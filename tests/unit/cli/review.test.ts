import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../src/main/cli/command';
import { createReviewCommand, reviewCommand } from '../../../src/main/cli/review';
import type { SampleDirectory } from '../../../src/main/review/sample-directory';
import { tempFolder } from '../review/support/temp-folder';

const directory: SampleDirectory = {
  allSamples: async () => [
    { id: 'log.csv#1', rowHash: 'a1', originalReason: 'blurry' },
    { id: 'log.csv#2', rowHash: 'a2', originalReason: null },
    { id: 'log.csv#3', rowHash: 'a3', originalReason: 'off-topic' },
  ],
};
const command = createReviewCommand(directory);

afterEach(() => vi.restoreAllMocks());

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  const code = await command.run(argv);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('flagdeck review', () => {
  it('prints every sample with its original and current reason, status and note', async () => {
    const root = await tempFolder();
    const data = join(root, 'data');
    expect(
      (
        await run(
          root,
          '--set',
          'log.csv#1',
          'log.csv#2',
          '--reason',
          'dup',
          '--status',
          'drop',
          '--data-dir',
          data,
        )
      ).code,
    ).toBe(0);
    await run(root, '--set', 'log.csv#3', '--clear-reason', '--note', 'ok', '--by', 'bo', '--data-dir', data);
    const { code, out } = await run(root, '--json', '--data-dir', data);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { id: 'log.csv#1', originalReason: 'blurry', reason: 'dup', status: 'drop', note: '' },
      { id: 'log.csv#2', originalReason: null, reason: 'dup', status: 'drop', note: '' },
      { id: 'log.csv#3', originalReason: 'off-topic', reason: null, status: 'unreviewed', note: 'ok' },
    ]);
  });

  it('applies --set to many samples as one edit and reports it', async () => {
    const root = await tempFolder();
    const { out } = await run(
      root,
      '--set',
      'log.csv#1',
      'log.csv#3',
      '--status',
      'keep',
      '--json',
      '--data-dir',
      root,
    );
    expect(JSON.parse(out)).toMatchObject({ count: 2, editId: expect.any(String) });
    await run(root, '--set', 'log.csv#1', '--reset-reason', '--data-dir', root);
    const summary = (await run(root, '--data-dir', root)).out;
    expect(summary).toMatch(/3 samples/);
    expect(summary).toMatch(/2 {2}keep/);
    expect(summary).toMatch(/1 {2}unreviewed/);
  });

  it('undoes an edit by id from another run, and redoes it by undoing the undo', async () => {
    const root = await tempFolder();
    await run(root, '--set', 'log.csv#1', '--status', 'keep', '--data-dir', root);
    const { out } = await run(
      root,
      '--set',
      'log.csv#1',
      'log.csv#2',
      '--status',
      'drop',
      '--note',
      'n',
      '--json',
      '--data-dir',
      root,
    );
    const { editId } = JSON.parse(out) as { editId: string };
    const undone = JSON.parse((await run(root, '--undo', editId, '--json', '--data-dir', root)).out) as {
      editId: string;
    };
    const states = async () =>
      (
        JSON.parse((await run(root, '--json', '--data-dir', root)).out) as { status: string; note: string }[]
      ).map((r) => `${r.status}/${r.note}`);
    expect(await states()).toEqual(['keep/', 'unreviewed/', 'unreviewed/']);
    await run(root, '--undo', undone.editId, '--data-dir', root);
    expect(await states()).toEqual(['drop/n', 'drop/n', 'unreviewed/']);
    expect((await run(root, '--undo', 'no-such-edit', '--data-dir', root)).code).toBe(1);
  });

  it('warns about journal entries whose row changed', async () => {
    const root = await tempFolder();
    await run(root, '--set', 'log.csv#2', '--status', 'drop', '--data-dir', root);
    const changed = createReviewCommand({
      allSamples: async () => [{ id: 'log.csv#2', rowHash: 'rewritten', originalReason: null }],
    });
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
    await changed.run([root, '--json', '--data-dir', root]);
    expect(err.join('\n')).toMatch(/1 reviewed sample\(s\) no longer match.*log\.csv#2 \(row changed\)/);
  });

  it('names an unknown sample id', async () => {
    const root = await tempFolder();
    await expect(run(root, '--set', 'log.csv#9', '--status', 'keep', '--data-dir', root)).rejects.toThrow(
      /no such sample in .*: log\.csv#9/,
    );
  });

  it.each([
    [['--set', 'log.csv#1'], /needs --reason/],
    [['--set', '--status', 'keep'], /at least one sample id/],
    [['log.csv#1', '--status', 'keep'], /need --set/],
    [['--set', 'log.csv#1', '--status', 'maybe'], /--status must be one of/],
    [['--set', 'log.csv#1', '--reason', 'a', '--clear-reason'], /only one of/],
    [['--bogus'], /bogus/],
  ])('refuses a bad command line: %j', async (args, message) => {
    const root = await tempFolder();
    const error = await run(root, ...args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  it("reads the folder's own logs and never writes to them", async () => {
    const root = await tempFolder();
    const log =
      'text,flag,username,timestamp\r\nhi,blurry,,2024-01-01 00:00:00\r\nyo,,,2024-01-01 00:00:01\r\n';
    await writeFile(join(root, 'log.csv'), log);
    const real = async (...argv: string[]) => {
      const out: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
      await reviewCommand.run(argv);
      vi.restoreAllMocks();
      return out.join('\n');
    };
    await real(root, '--set', 'log.csv#2', '--reason', 'off-topic', '--status', 'keep', '--data-dir', root);
    expect(JSON.parse(await real(root, '--json', '--data-dir', root))).toEqual([
      { id: 'log.csv#1', originalReason: 'blurry', reason: 'blurry', status: 'unreviewed', note: '' },
      { id: 'log.csv#2', originalReason: null, reason: 'off-topic', status: 'keep', note: '' },
    ]);
    expect(await readFile(join(root, 'log.csv'), 'utf8')).toBe(log);
  });
});

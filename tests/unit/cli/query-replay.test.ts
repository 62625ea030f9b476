// `flagdeck query --replay / --replay-run`, in its own process: the replay filter of the UI (same
// workspace query, same run marks) over a Gradio folder with two stored replay runs, one of whose
// results was made from a row the log has rewritten since.
import { cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunMarks } from '../../../src/main/replay/run-marks';
import { createWorkspace } from '../../../src/main/workspace/workspace';
import type { SampleFilter } from '../../../src/shared/api';
import type { ReplayOutcome } from '../../../src/shared/replay';
import { bundleCli, type Cli, type CliRun } from './support/run-cli';

const FIXTURE = join(import.meta.dirname, '../../fixtures/gradio/4.44.1/flagging_options/flagged');
const OLDER = '20260101T000000Z-aaaaaa';
const LATEST = '20260102T000000Z-bbbbbb';
let base: string;
let folder: string;
let cli: Cli;

interface Row {
  id: string;
  replay?: { run: string; outcome: string };
}

const flagdeck = (...args: string[]): Promise<CliRun> => cli.run(args, { XDG_DATA_HOME: join(base, 'data') });

async function query(...args: string[]): Promise<{ total: number; rows: Row[] }> {
  const result = await flagdeck('query', folder, ...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { total: number; rows: Row[] };
}

const ids = (result: { rows: Row[] }) => result.rows.map((row) => row.id);

/** A run as `flagdeck replay` stores it; `hashes` are the rows' hashes the results were made from. */
async function storeRun(run: string, outcomes: [string, ReplayOutcome, string][]): Promise<void> {
  const dir = join(folder, '.flagdeck/replays', run);
  await mkdir(join(dir, 'files'), { recursive: true });
  const info = {
    run,
    folder,
    app: 'http://127.0.0.1:7860/',
    endpoint: '/predict',
    gradioVersion: '4.44.1',
    mapping: { inputs: {}, outputs: {} },
    samples: outcomes.map(([id]) => id),
    concurrency: 1,
    startedAt: '2026-01-01T00:00:00Z',
    endedAt: '2026-01-01T00:01:00Z',
    state: 'finished',
  };
  await writeFile(join(dir, 'run.json'), JSON.stringify(info));
  const lines = outcomes.map(([id, outcome, rowHash]) =>
    JSON.stringify({ id, rowHash, outcome, outputs: [], durationMs: 5, at: '2026-01-01T00:00:30Z' }),
  );
  await writeFile(join(dir, 'results.jsonl'), `${lines.join('\n')}\n`);
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-query-replay-'));
  folder = join(base, 'flagged');
  await cp(FIXTURE, folder, { recursive: true });
  folder = await realpath(folder);
  const ws = createWorkspace({ emit: () => undefined, follow: false });
  const hash = new Map<string, string>();
  try {
    await ws.open([folder]);
    await ws.whenIndexed();
    for (const row of (await ws.query({ filter: {}, offset: 0, limit: 10 })).rows)
      hash.set(row.id, row.rowHash);
  } finally {
    await ws.dispose();
  }
  const h = (id: string) => hash.get(id) ?? '';
  await storeRun(OLDER, [
    ['log.csv#1', 'changed', h('log.csv#1')],
    ['log.csv#2', 'changed', h('log.csv#2')],
  ]);
  await storeRun(LATEST, [
    ['log.csv#1', 'same', h('log.csv#1')],
    ['log.csv#2', 'changed', h('log.csv#2')],
    ['log.csv#3', 'error', h('log.csv#3')],
    // Made from row 4 as it read before the log was rewritten: it does not describe row 4 now.
    ['log.csv#4', 'changed', '0123456789abcdef'],
  ]);
  cli = await bundleCli('query-replay');
});

afterAll(async () => {
  await cli?.remove();
  await rm(base, { recursive: true, force: true });
});

const SLOW = { timeout: 240_000 };

describe('flagdeck query --replay', SLOW, () => {
  it("filters on the outcome in the folder's latest run, each row naming it", async () => {
    const changed = await query('--replay', 'changed');
    expect(ids(changed)).toEqual(['log.csv#2']);
    expect(changed.rows[0]?.replay).toEqual({ run: LATEST, outcome: 'changed' });
    expect(ids(await query('--replay', 'same', '--replay', 'error'))).toEqual(['log.csv#1', 'log.csv#3']);
    // Row 4's result was made from the row before the rewrite: it is not replayed, not `changed`.
    const none = await query('--replay', 'none');
    expect(ids(none)).toEqual(['log.csv#4']);
    expect(none.rows[0]?.replay).toBeUndefined();
    // Without --replay every sample is listed, those with a result in the run naming it.
    const all = await query();
    expect(all.rows.map((row) => row.replay?.outcome ?? null)).toEqual(['same', 'changed', 'error', null]);
  });

  it('shows an older run with --replay-run, alone or with --replay', async () => {
    expect(ids(await query('--replay-run', OLDER, '--replay', 'changed'))).toEqual([
      'log.csv#1',
      'log.csv#2',
    ]);
    const shown = await query('--replay-run', OLDER);
    expect(shown.total).toBe(4);
    expect(shown.rows.map((row) => row.replay?.run ?? null)).toEqual([OLDER, OLDER, null, null]);
  });

  it('returns what the app returns for the same replay filter', async () => {
    const ws = createWorkspace({
      emit: () => undefined,
      follow: false,
      replayMarks: new RunMarks(join(base, 'data/flagdeck')),
    });
    try {
      await ws.open([folder]);
      await ws.whenIndexed();
      const filters: [SampleFilter, string[]][] = [
        [{ replay: { outcomes: ['changed', 'none'] } }, ['--replay', 'changed', '--replay', 'none']],
        [{ replay: { run: OLDER, outcomes: ['none'] } }, ['--replay-run', OLDER, '--replay', 'none']],
      ];
      for (const [filter, args] of filters) {
        const app = await ws.query({ filter, offset: 0, limit: 10 });
        expect(ids(await query(...args))).toEqual(app.rows.map((row) => row.id));
      }
    } finally {
      await ws.dispose();
    }
  });

  it('prints the outcome as a column of the table', async () => {
    const { code, stdout } = await flagdeck('query', folder, '--replay', 'changed', '--replay', 'none');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id +replay +status +flag \(original\)/);
    expect(lines[1]).toMatch(/^log\.csv#2 +changed +unreviewed /);
    expect(lines[2]).toMatch(/^log\.csv#4 +none +unreviewed /);
    expect(lines.at(-1)).toBe('1–2 of 2 matching samples');
  });

  it.each([
    [['--replay', 'maybe'], 'unknown --replay "maybe" (one of same, changed, error, skipped, none)'],
    [
      ['--replay-run', 'nope'],
      `--replay-run: no replay run "nope" in these folders (runs: ${OLDER}, ${LATEST})`,
    ],
  ])('refuses %j, saying what is wrong (exit 2)', async (args, message) => {
    const { code, stdout, stderr } = await flagdeck('query', folder, ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

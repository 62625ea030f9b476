// `flagdeck query` as scripts call it, in its own process on real Gradio folders: the flags
// and JSON shape, review state from the folder's journal, a sort on any column, clear refusals.
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../src/main/workspace/workspace';
import { bundleCli, type Cli, type CliRun } from './support/run-cli';

const GRADIO = join(import.meta.dirname, '../../fixtures/gradio');
let base: string;
let options: string;
let users: string;
let escaping: string;
let cli: Cli;

interface Sample {
  id: string;
  log: string;
  row: number;
  originalReason: string | null;
  reason: string | null;
  status: string;
  note: string;
  user: string | null;
  timestamp: string | null;
  cells: Record<string, string>;
}

async function query(...args: string[]): Promise<{ total: number; rows: Sample[] }> {
  const result = await flagdeck('query', ...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { total: number; rows: Sample[] };
}

const flagdeck = (...args: string[]): Promise<CliRun> => cli.run(args, { XDG_DATA_HOME: join(base, 'data') });

const ids = (result: { rows: Sample[] }) => result.rows.map((row) => row.id);

async function copy(fixture: string): Promise<string> {
  const to = join(base, fixture.replaceAll('/', '-'));
  await cp(join(GRADIO, fixture), to, { recursive: true });
  return realpath(to);
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-query-cli-'));
  options = await copy('4.44.1/flagging_options/flagged');
  users = await copy('4.44.1/username/flagged');
  escaping = await copy('4.44.1/escaping/flagged');
  cli = await bundleCli('query');
});

afterAll(async () => {
  await cli?.remove();
  await rm(base, { recursive: true, force: true });
});

// Each case starts real processes; a loaded machine needs more than the default minute for some.
const SLOW = { timeout: 240_000 };

describe('flagdeck query --json', SLOW, () => {
  it('prints every sample in the issue shape: ids, reasons, review, user, time, cells as shown', async () => {
    const result = await query(options);
    expect(result.total).toBe(4);
    expect(result.rows[0]).toEqual({
      id: 'log.csv#1',
      log: join(options, 'log.csv'),
      row: 1,
      originalReason: 'wrong',
      reason: 'wrong',
      status: 'unreviewed',
      note: '',
      user: null,
      timestamp: '2026-11-25 12:45:14.200576',
      cells: { question: 'What is 2+2?', image: '', answer: '5' },
    });
    expect(result.rows[2].cells.image).toBe('flagged/image/198f26ac1ce7b5ee1cb1/input.png');
    expect(result.rows[3]).toMatchObject({ id: 'log.csv#4', user: 'alice', reason: 'wrong' });
  });

  it('shows cells as the table does: the CSV-injection quote undone, line breaks kept', async () => {
    const { rows } = await query(escaping, '--limit', '2');
    expect(rows[0].cells).toMatchObject({ text: '=1+1', multiline: 'line one\nline two', number: '-5' });
    expect(rows[0].cells['-result']).toBe('=1+1');
  });

  it('filters by search, reason, original reason and user', async () => {
    expect(ids(await query(options, '--search', 'JOKE'))).toEqual(['log.csv#2']);
    expect(ids(await query(options, '--reason', 'wrong'))).toEqual(['log.csv#1', 'log.csv#4']);
    expect(ids(await query(options, '--reason', 'wrong', '--user', 'alice'))).toEqual(['log.csv#4']);
    expect(ids(await query(options, '--original-reason', 'offensive', '--original-reason', 'other'))).toEqual(
      ['log.csv#2', 'log.csv#3'],
    );
  });

  it('filters by time range and column value', async () => {
    expect(ids(await query(options, '--from', '2026-11-25 12:45:15', '--to', '2026-11-25 12:45:15'))).toEqual(
      ['log.csv#2', 'log.csv#3'],
    );
    expect(ids(await query(options, '--where', 'answer=7', '--where', 'answer=5'))).toEqual([
      'log.csv#1',
      'log.csv#4',
    ]);
    expect(ids(await query(users, '--user', ''))).toEqual(['log.csv#2', 'log.csv#4']);
    expect((await query(options, '--search', 'no such words')).total).toBe(0);
  });

  it("reads the folder's journal: the reviewer's reason, status and note, and filters on them", async () => {
    const edit = await flagdeck(
      'review',
      options,
      '--set',
      'log.csv#3',
      '--reason',
      'fine',
      '--status',
      'keep',
    );
    expect(edit.code).toBe(0);
    await flagdeck('review', options, '--set', 'log.csv#1', '--note', 'Arithmetic slip', '--status', 'drop');
    const kept = await query(options, '--status', 'keep');
    expect(kept.rows).toEqual([
      expect.objectContaining({ id: 'log.csv#3', originalReason: 'other', reason: 'fine', status: 'keep' }),
    ]);
    expect(ids(await query(options, '--reason', 'fine'))).toEqual(['log.csv#3']);
    expect(ids(await query(options, '--original-reason', 'other'))).toEqual(['log.csv#3']);
    expect(ids(await query(options, '--status', 'unreviewed'))).toEqual(['log.csv#2', 'log.csv#4']);
    // Notes are searched as in the UI.
    expect((await query(options, '--search', 'arithmetic')).rows).toEqual([
      expect.objectContaining({ id: 'log.csv#1', note: 'Arithmetic slip', status: 'drop' }),
    ]);
  });

  it('sorts on any column, free text included, both ways, and pages with --offset / --limit', async () => {
    expect(ids(await query(options, '--sort', 'question'))).toEqual([
      'log.csv#3', // Describe
      'log.csv#2', // Tell me a joke
      'log.csv#1', // What is 2+2?
      'log.csv#4', // What is 3+3?
    ]);
    expect(ids(await query(options, '--sort', 'question:desc'))).toEqual([
      'log.csv#4',
      'log.csv#1',
      'log.csv#2',
      'log.csv#3',
    ]);
    const page = await query(options, '--sort', 'answer', '--offset', '1', '--limit', '2');
    expect(page.total).toBe(4);
    // (rude joke), 5, 7, a gradient
    expect(ids(page)).toEqual(['log.csv#1', 'log.csv#4']);
    expect(ids(await query(users, '--sort', 'username:desc', '--limit', '3'))).toEqual([
      'log.csv#3', // zoë
      'log.csv#5', // bob
      'log.csv#1', // alice
    ]);
    expect(ids(await query(options, '--sort', 'timestamp:desc', '--limit', '1'))).toEqual(['log.csv#4']);
  });

  it('queries several folders as one workspace, each sample naming its log', async () => {
    const both = await query(options, users, '--sort', 'timestamp', '--limit', '100');
    expect(both.total).toBe(9);
    expect(new Set(both.rows.map((row) => row.log))).toEqual(
      new Set([join(options, 'log.csv'), join(users, 'log.csv')]),
    );
  });

  it('returns what the workspace query of the app returns, page for page', async () => {
    const ws = createWorkspace({ emit: () => undefined, follow: false });
    try {
      await ws.open([escaping]);
      await ws.whenIndexed();
      const app = await ws.query({
        filter: { text: 'a' },
        sort: { by: 'multiline', dir: 'desc' },
        offset: 1,
        limit: 3,
      });
      const cli = await query(
        escaping,
        '--search',
        'a',
        '--sort',
        'multiline:desc',
        '--offset',
        '1',
        '--limit',
        '3',
      );
      expect(cli.total).toBe(app.total);
      expect(ids(cli)).toEqual(app.rows.map((row) => row.id));
    } finally {
      await ws.dispose();
    }
  });
});

describe('flagdeck query, for people and for mistakes', SLOW, () => {
  it('prints a table with a header, one line per sample and the count', async () => {
    const { code, stdout } = await flagdeck('query', options, '--sort', 'question', '--limit', '2');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^id +status +flag \(original\) +flag \(review\) +user +timestamp +question +image +answer$/,
    );
    expect(lines[1]).toMatch(/^log\.csv#3 +\w+ +other .*Describe .*a gradient$/);
    expect(lines[2]).toMatch(/^log\.csv#2 .*Tell me a joke/);
    expect(lines.at(-1)).toBe('1–2 of 4 matching samples');
  });

  it.each([
    [['--sort', 'nope'], '--sort: no column "nope" in these logs (columns: "question", "image", "answer"'],
    [['--where', 'colour=red'], '--where: no column "colour" in these logs'],
    [['--where', 'answer'], '--where "answer" must be written <column>=<value>'],
    [['--from', 'last week'], '--from "last week" is not a time: write YYYY-MM-DD'],
    [['--to', '2026-13-45'], '--to "2026-13-45" is not a time'],
    [['--status', 'maybe'], 'unknown --status "maybe" (one of unreviewed, keep, drop, unsure)'],
    [['--limit', '0'], '--limit must be a whole number of at least 1, not "0"'],
    [['--offset=-3'], '--offset must be a whole number of at least 0, not "-3"'],
    [['--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j with a message saying what is wrong (exit 2)', async (args, message) => {
    const { code, stdout, stderr } = await flagdeck('query', options, ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: flagdeck query');
  });

  it('says which folder cannot be opened (exit 1)', async () => {
    const { code, stderr } = await flagdeck('query', join(base, 'nowhere'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/nowhere.*does not exist|does not exist.*nowhere/);
  });
});

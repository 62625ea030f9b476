// `flagdeck inspect` reuses and writes the persisted index of a large log; `--no-cache` bypasses it.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../../src/main/cli/commands';
import type { FolderReport } from '../../../../src/main/cli/inspect/inspect-folder';
import { PERSIST_MIN_BYTES } from '../../../../src/main/log-index/persisted-index';

// What the command prints (it writes to fd 1 itself: src/main/cli/stdout.ts).
const printed = vi.hoisted((): string[] => []);
vi.mock('../../../../src/main/cli/stdout', () => ({
  printLine: (line: string) => void printed.push(line),
  writeOut: (text: string) => void printed.push(text),
}));

const inspect = await commands.find((command) => command.name === 'inspect')?.load();
const HEADER = 'text,flag,username,timestamp\n';

async function run(argv: string[]): Promise<{ code: number; report: FolderReport; err: string }> {
  printed.length = 0;
  const err: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  if (!inspect) throw new Error('inspect is not registered');
  const code = await inspect.run([...argv, '--json']);
  vi.restoreAllMocks();
  return { code, report: JSON.parse(printed.join('\n')) as FolderReport, err: err.join('\n') };
}

/** A log just over the size from which inspect goes through the index. */
function largeRows(seed: string, extraRows = 0): string {
  const line = (i: number) =>
    `${seed} row ${i} ${'x'.repeat(80)},${i % 3 ? '' : 'wrong'},,2024-01-01 00:00:00\n`;
  const perRow = Buffer.byteLength(line(100000));
  const count = Math.ceil(PERSIST_MIN_BYTES / perRow) + 1000 + extraRows;
  let out = '';
  for (let i = 0; i < count; i++) out += line(i);
  return out;
}

function folderWith(content: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-inspect-cache-'));
  writeFileSync(join(folder, 'log.csv'), HEADER + content);
  return folder;
}

const indexFiles = (folder: string): string[] =>
  existsSync(join(folder, '.flagdeck', 'index'))
    ? readdirSync(join(folder, '.flagdeck', 'index')).filter((name) => name.endsWith('.idx'))
    : [];

let rows: string;
beforeAll(() => {
  process.env.XDG_DATA_HOME = mkdtempSync(join(tmpdir(), 'flagdeck-xdg-'));
  rows = largeRows('a');
});
afterEach(() => vi.restoreAllMocks());

describe('flagdeck inspect and the persisted index', () => {
  it('writes the index at the first run and gives the same report from it at the next', async () => {
    const folder = folderWith(rows);
    const first = await run([folder]);
    expect(first.code).toBe(0);
    expect(indexFiles(folder)).toHaveLength(1);
    const again = await run([folder]);
    expect(again.err).toBe('');
    expect(again.report).toEqual(first.report);
    expect(again.report.logs[0].rows).toBe(rows.split('\n').length - 1);
  });

  it('counts rows appended since the index was written', async () => {
    const folder = folderWith(rows);
    await run([folder]);
    appendFileSync(join(folder, 'log.csv'), 'late,wrong,,2024-01-02 00:00:00\n'.repeat(7));
    const { report, err } = await run([folder]);
    expect(err).toBe('');
    expect(report.logs[0].rows).toBe(rows.split('\n').length - 1 + 7);
  });

  it('says so when the log was rewritten, and reports the new rows', async () => {
    const folder = folderWith(rows);
    await run([folder]);
    const rewritten = largeRows('b', 50);
    writeFileSync(join(folder, 'log.csv'), HEADER + rewritten);
    const { report, err } = await run([folder]);
    expect(err).toMatch(/flagdeck inspect: log\.csv: indexed again: the log was rewritten/);
    expect(report.logs[0].rows).toBe(rewritten.split('\n').length - 1);
  });

  it('ignores a damaged index file, says so, and writes a good one', async () => {
    const folder = folderWith(rows);
    const first = await run([folder]);
    writeFileSync(join(folder, '.flagdeck', 'index', indexFiles(folder)[0]), 'garbage');
    const damaged = await run([folder]);
    expect(damaged.err).toMatch(/index file was ignored and rebuilt: not a Flagdeck index file/);
    expect(damaged.report).toEqual(first.report);
    expect((await run([folder])).err).toBe('');
  });

  it('keeps the index in the data folder when .flagdeck is not a folder it can write', async () => {
    const folder = folderWith(rows);
    writeFileSync(join(folder, '.flagdeck'), 'a file in the way');
    const first = await run([folder]);
    expect(first.err).toBe('');
    const again = await run([folder]);
    expect(again.report).toEqual(first.report);
    expect(readdirSync(join(process.env.XDG_DATA_HOME ?? '', 'flagdeck', 'indexes'))).not.toHaveLength(0);
  });

  it('says why the index could not be kept, and reports the log all the same', async () => {
    const folder = folderWith(rows);
    const truth = await run([folder, '--no-cache']);
    await run([folder]);
    // A folder, not empty, where the index file goes: the write's rename fails.
    const place = join(folder, '.flagdeck', 'index', indexFiles(folder)[0]);
    rmSync(place);
    mkdirSync(place);
    writeFileSync(join(place, 'in the way'), '');
    const { report, err } = await run([folder]);
    expect(err).toMatch(
      /flagdeck inspect: log\.csv: the index could not be kept: .*(EISDIR|ENOTEMPTY|EEXIST)/,
    );
    expect(report).toEqual(truth.report);
  });

  it('--no-cache neither reads nor writes an index', async () => {
    const folder = folderWith(rows);
    const { report } = await run([folder, '--no-cache']);
    expect(report.logs[0].rows).toBe(rows.split('\n').length - 1);
    expect(existsSync(join(folder, '.flagdeck'))).toBe(false);
    await run([folder]);
    writeFileSync(join(folder, '.flagdeck', 'index', indexFiles(folder)[0]), 'garbage');
    expect((await run([folder, '--no-cache'])).err).toBe('');
  });
});

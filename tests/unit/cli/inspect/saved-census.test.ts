// A large log's census (its record audit and asset counts) is kept beside its persisted index and
// used at the next `flagdeck inspect` only while it still describes the log and the folder's files;
// a damaged, truncated, foreign or other-version census file is ignored and written again.
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFolder, type FolderInspection } from '../../../../src/main/cli/inspect/inspect-folder';
import { summarizeByIndex } from '../../../../src/main/cli/inspect/summarize-by-index';
import {
  CENSUS_FILE_VERSION,
  decodeCensusFile,
  encodeCensusFile,
} from '../../../../src/main/cli/inspect/census-file';
import { PERSIST_MIN_BYTES } from '../../../../src/main/log-index/persisted-index';
import { shapeKey } from '../../../../src/main/log-index/index-file';
import { FolderReader } from '../../../../src/main/gradio/reader';

const HEADER = 'prompt,photo,flag,username,timestamp\n';
const PADDING = 'p'.repeat(120);

function line(row: number): string {
  const photo = row % 10 === 0 ? `img/${row}.png` : `flagged/image/${row}/gone.png`;
  const extra = row === 77 ? ',one cell too many' : '';
  return `${PADDING} ${row},${photo},${row % 3 ? '' : 'wrong'},,2024-05-01 10:00:00${extra}\n`;
}

/** A log over the size whose index (and census) is kept; files present for every tenth row up to 500. */
function folderWithLog(): { folder: string; rows: number } {
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-census-file-'));
  mkdirSync(join(folder, 'img'));
  for (let row = 10; row <= 500; row += 10) writeFileSync(join(folder, 'img', `${row}.png`), 'png');
  const rows = Math.ceil(PERSIST_MIN_BYTES / line(1000).length) + 500;
  let text = HEADER;
  for (let row = 1; row <= rows; row++) text += line(row);
  writeFileSync(join(folder, 'log.csv'), text);
  return { folder, rows };
}

const dataDir = mkdtempSync(join(tmpdir(), 'flagdeck-census-data-'));
const notices: string[] = [];
const inspect = (folder: string, cached = true): Promise<FolderInspection> =>
  inspectFolder(
    folder,
    summarizeByIndex(cached ? { cache: { dataDir }, notice: (message) => notices.push(message) } : {}),
  );
const truth = (folder: string): Promise<FolderInspection> => inspect(folder, false);

function censusFile(folder: string): string {
  const dir = join(folder, '.flagdeck', 'index');
  const name = readdirSync(dir).find((file) => file.endsWith('.assets'));
  if (!name) throw new Error('no census file');
  return join(dir, name);
}

/** What a census file of `folder`'s log must say about itself to be used. */
async function identity(folder: string) {
  const shape = await new FolderReader().shapeOf(folder, 'log.csv');
  return { file: 'log.csv', folderName: basename(folder), shapeKey: shapeKey(shape) };
}

describe('the census kept beside the index', () => {
  it('is written at the first run and is what the next run reports', async () => {
    const { folder, rows } = folderWithLog();
    const first = await inspect(folder);
    expect(first.report.logs[0].rows).toBe(rows);
    expect(first.report.assets).toEqual({ resolved: 50, missing: rows - 50, outside: 0 });
    expect(first).toEqual(await truth(folder));
    const kept = censusFile(folder);
    const decoded = decodeCensusFile(readFileSync(kept), await identity(folder));
    if (!decoded.ok) throw new Error(decoded.reason);
    // A census that says one more file resolved: the next run reports it, so it was used.
    const doctored = { ...decoded.census.sets, resolved: [...decoded.census.sets.resolved, 'img/extra.png'] };
    const { version: _v, resolved: _r, outside: _o, missing: _m, ...header } = decoded.census.header;
    writeFileSync(kept, encodeCensusFile(header, doctored));
    const again = await inspect(folder);
    expect(again.report.assets.resolved).toBe(51);
    expect(again.report.logs).toEqual(first.report.logs);
    expect(again.details[0].warnings).toEqual(first.details[0].warnings);
  });

  it('adds the rows appended since, and counts again when the log was rewritten', async () => {
    const { folder, rows } = folderWithLog();
    await inspect(folder);
    appendFileSync(join(folder, 'log.csv'), line(rows + 1) + line(rows + 2));
    const appended = await inspect(folder);
    expect(appended.report.logs[0].rows).toBe(rows + 2);
    expect(appended).toEqual(await truth(folder));
    const text = readFileSync(join(folder, 'log.csv'), 'utf8');
    writeFileSync(join(folder, 'log.csv'), text.replace('img/10.png', 'img/10.PNG'));
    const rewritten = await inspect(folder);
    expect(rewritten).toEqual(await truth(folder));
  });

  it("is counted again when the folder's files changed", async () => {
    const { folder, rows } = folderWithLog();
    await inspect(folder);
    mkdirSync(join(folder, 'flagged', 'image', '7'), { recursive: true });
    writeFileSync(join(folder, 'flagged', 'image', '7', 'gone.png'), 'png');
    const arrived = await inspect(folder);
    expect(arrived.report.assets).toEqual({ resolved: 51, missing: rows - 51, outside: 0 });
    expect(arrived).toEqual(await truth(folder));
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 9)],
    ['bit-flipped', (bytes: Buffer) => Buffer.from(bytes.map((byte, at) => (at === 40 ? byte ^ 4 : byte)))],
    [
      'of another version',
      (bytes: Buffer) => {
        const other = Buffer.from(bytes);
        other.writeUInt32LE(CENSUS_FILE_VERSION + 1, 12);
        return other;
      },
    ],
    ['not a census at all', () => Buffer.from('garbage')],
  ])('is ignored and written again when %s', async (_case, damage) => {
    const { folder } = folderWithLog();
    const first = await inspect(folder);
    const kept = censusFile(folder);
    writeFileSync(kept, damage(readFileSync(kept)));
    expect(await inspect(folder)).toEqual(first);
    expect(decodeCensusFile(readFileSync(kept), await identity(folder)).ok).toBe(true);
  });

  it("is ignored when it is another log's", async () => {
    const one = folderWithLog();
    const two = folderWithLog();
    appendFileSync(join(two.folder, 'log.csv'), line(1));
    const first = await inspect(two.folder);
    await inspect(one.folder);
    writeFileSync(censusFile(two.folder), readFileSync(censusFile(one.folder)));
    expect(await inspect(two.folder)).toEqual(first);
    expect(decodeCensusFile(readFileSync(censusFile(two.folder)), await identity(two.folder)).ok).toBe(true);
  });
});

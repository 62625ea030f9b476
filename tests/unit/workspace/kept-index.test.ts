// The app's open reuses a log's persisted index: all rows at once on reopen, appended rows kept at
// close, a rewritten log indexed again with a warning on its chip.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';

const HEADER = 'text,flag,username,timestamp\r\n';
const rows = (from: number, to: number): string =>
  Array.from(
    { length: to - from },
    (_, i) => `row ${from + i},${(from + i) % 2 ? 'wrong' : ''},,2024-01-01 00:00:00\r\n`,
  ).join('');

const open: Workspace[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
});

function folderWith(content: string) {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-ws-kept-'));
  writeFileSync(join(root, 'log.csv'), content);
  return { root, dataDir: mkdtempSync(join(tmpdir(), 'flagdeck-ws-data-')) };
}

/**
 * A workspace whose first read stops after ~100 bytes, and whose background index waits a while:
 * only a reused index has every row when `open` resolves.
 */
function workspace(dataDir: string): Workspace {
  const ws = createWorkspace({
    emit: () => undefined,
    follow: false,
    firstBytes: 100,
    bulkDelayMs: 400,
    indexCache: { dataDir, minBytes: 1 },
  });
  open.push(ws);
  return ws;
}

async function rowsRightAfterOpen(root: string, dataDir: string) {
  const ws = workspace(dataDir);
  const info = await ws.open([root]);
  const log = info.folders[0].logs[0];
  return { ws, log, total: log.rows };
}

async function closeAll(ws: Workspace): Promise<void> {
  await ws.dispose();
  open.splice(open.indexOf(ws), 1);
}

describe('workspace with persisted indexes', () => {
  it('shows every row of a reopened folder as soon as it opens', async () => {
    const { root, dataDir } = folderWith(HEADER + rows(0, 2000));
    const first = workspace(dataDir);
    expect((await first.open([root])).folders[0].logs[0].rows).toBeLessThan(2000);
    await first.whenIndexed();
    await closeAll(first);
    const again = await rowsRightAfterOpen(root, dataDir);
    expect(again.total).toBe(2000);
    const flagged = await again.ws.query({ filter: { reasons: ['wrong'] }, offset: 0, limit: 1 });
    expect(flagged.total).toBe(1000);
  });

  it('keeps rows appended while the folder was open for the next open', async () => {
    const { root, dataDir } = folderWith(HEADER + rows(0, 1000));
    const first = workspace(dataDir);
    await first.open([root]);
    await first.whenIndexed();
    appendFileSync(join(root, 'log.csv'), rows(1000, 1500));
    await closeAll(first);
    // A folder indexed in full at close (reused index + the appended bytes, scanned at the reopen).
    const again = await rowsRightAfterOpen(root, dataDir);
    expect(again.total).toBe(1000);
    await again.ws.whenIndexed();
    expect((await again.ws.query({ filter: {}, offset: 0, limit: 1 })).total).toBe(1500);
    await closeAll(again.ws);
    expect((await rowsRightAfterOpen(root, dataDir)).total).toBe(1500);
  });

  it('indexes a rewritten log again and says so on the log', async () => {
    const { root, dataDir } = folderWith(HEADER + rows(0, 1000));
    const first = workspace(dataDir);
    await first.open([root]);
    await first.whenIndexed();
    await closeAll(first);
    writeFileSync(join(root, 'log.csv'), HEADER + rows(5000, 6200));
    const again = await rowsRightAfterOpen(root, dataDir);
    expect(again.total).toBeLessThan(1200);
    expect(again.log.warnings).toEqual([expect.stringMatching(/indexed again: the log was rewritten/)]);
    await again.ws.whenIndexed();
    const page = await again.ws.query({ filter: {}, offset: 0, limit: 1 });
    expect(page.total).toBe(1200);
  });
});

describe('workspace with persisted indexes in blocks', () => {
  const BLOCK_ROWS = 100;

  function blockWorkspace(dataDir: string, problems: string[] = []): Workspace {
    const ws = createWorkspace({
      emit: () => undefined,
      follow: false,
      firstBytes: 100,
      bulkDelayMs: 400,
      log: (message) => problems.push(message),
      indexCache: { dataDir, minBytes: 1, blockRows: BLOCK_ROWS },
    });
    open.push(ws);
    return ws;
  }

  async function indexedOnce(root: string, dataDir: string): Promise<void> {
    const first = blockWorkspace(dataDir);
    await first.open([root]);
    await first.whenIndexed();
    await closeAll(first);
  }

  const indexFileOf = (root: string): string => {
    const dir = join(root, '.flagdeck', 'index');
    return join(dir, readdirSync(dir)[0]);
  };

  it('serves the first page of a reopened log from its first block, then has every row', async () => {
    const { root, dataDir } = folderWith(HEADER + rows(0, 2000));
    await indexedOnce(root, dataDir);
    const kept = readFileSync(indexFileOf(root));
    const ws = blockWorkspace(dataDir);
    const info = await ws.open([root]);
    expect(info.folders[0].logs[0].rows).toBe(BLOCK_ROWS - 1);
    const page = await ws.query({ filter: {}, offset: 0, limit: 50 });
    expect(page.rows.map((row) => row.cells[0].text)).toEqual(
      Array.from({ length: 50 }, (_, i) => `row ${i}`),
    );
    await ws.whenIndexed();
    const flagged = await ws.query({ filter: { reasons: ['wrong'] }, offset: 0, limit: 1 });
    expect(flagged.total).toBe(1000);
    // All of it came from the index: the file was not written again.
    await closeAll(ws);
    expect(readFileSync(indexFileOf(root))).toEqual(kept);
  });

  it('reads the log on past a damaged block, says so, and writes a good index', async () => {
    const { root, dataDir } = folderWith(HEADER + rows(0, 2000));
    await indexedOnce(root, dataDir);
    const file = indexFileOf(root);
    const bytes = readFileSync(file);
    // The usernames column (the last one, before the table of block checksums) at row 1500.
    const tableBytes = (2000 / BLOCK_ROWS) * 6 * 4 + 4;
    bytes[bytes.length - tableBytes - 500 * 4] ^= 0x01;
    writeFileSync(file, bytes);
    const problems: string[] = [];
    const ws = blockWorkspace(dataDir, problems);
    expect((await ws.open([root])).folders[0].logs[0].rows).toBe(BLOCK_ROWS - 1);
    await ws.whenIndexed();
    expect(problems).toEqual([expect.stringMatching(/index file ignored past its first rows: .*damaged/)]);
    expect((await ws.query({ filter: { reasons: ['wrong'] }, offset: 0, limit: 1 })).total).toBe(1000);
    const page = await ws.query({ filter: {}, offset: 1990, limit: 10 });
    expect(page.rows.map((row) => row.cells[0].text)).toEqual(
      Array.from({ length: 10 }, (_, i) => `row ${1990 + i}`),
    );
    await closeAll(ws);
    expect(readFileSync(file)).not.toEqual(bytes);
    const later: string[] = [];
    const next = blockWorkspace(dataDir, later);
    expect((await next.open([root])).folders[0].logs[0].rows).toBe(BLOCK_ROWS - 1);
    await next.whenIndexed();
    expect(later).toEqual([]);
  });
});

// The app's open reuses a log's persisted index: all rows at once on reopen, appended rows kept at
// close, a rewritten log indexed again with a warning on its chip.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
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

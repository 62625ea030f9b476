// Pages of one query reuse its selection; nothing that changes the data may be answered from it.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { MemoryReviewStore } from './memory-review-store';

const row = (i: number) =>
  `prompt ${i},${i % 2 ? 'wrong' : ''},,2024-05-01 10:00:${String(i % 60).padStart(2, '0')}\r\n`;

function folder(rows: number): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-cache-'));
  const body = Array.from({ length: rows }, (_, i) => row(i + 1)).join('');
  writeFileSync(join(root, 'log.csv'), `prompt,flag,username,timestamp\r\n${body}`);
  return root;
}

const open: Workspace[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
});

function workspace(follow: boolean, store = new MemoryReviewStore()) {
  const appended: string[][] = [];
  const ws = createWorkspace({
    emit: (event, payload) => {
      if (event === 'rowsAppended') appended.push((payload as { ids: string[] }).ids);
    },
    reviewStoreFor: async () => store,
    follow,
  });
  open.push(ws);
  return { ws, appended, store };
}

const wrongFirst = { filter: { reasons: ['wrong'] }, sort: { by: 'timestamp', dir: 'desc' as const } };

describe('selection reuse across pages', () => {
  it('pages a query consistently, then sees appended rows', async () => {
    const root = folder(40);
    const { ws, appended } = workspace(true);
    await ws.open([root]);
    await ws.whenIndexed();
    const first = await ws.query({ ...wrongFirst, offset: 0, limit: 10 });
    const second = await ws.query({ ...wrongFirst, offset: 10, limit: 10 });
    expect(first.total).toBe(20);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(20);

    appendFileSync(join(root, 'log.csv'), row(41) + row(43));
    await expect.poll(() => appended.flat().length, { timeout: 5000 }).toBe(2);
    const after = await ws.query({ ...wrongFirst, offset: 0, limit: 100 });
    expect(after.total).toBe(22);
    expect(after.rows.map((r) => r.id)).toContain('log.csv#42');
  });

  it('sees a review edit in the next page of the same query', async () => {
    const { ws, store } = workspace(false);
    await ws.open([folder(10)]);
    await ws.whenIndexed();
    const query = { filter: { statuses: ['drop' as const] }, offset: 0, limit: 10 };
    expect((await ws.query(query)).total).toBe(0);
    const folderId = ws.info().folders[0].id;
    const [target] = await ws.identify(folderId, ['log.csv#3']);
    await store.edit([target], { status: 'drop' }, 'test');
    expect((await ws.query(query)).rows.map((r) => r.id)).toEqual(['log.csv#3']);
  });

  it('answers a folder opened again from its new index, not the old one', async () => {
    const root = folder(10);
    const { ws } = workspace(false);
    await ws.open([root]);
    await ws.whenIndexed();
    expect((await ws.query({ filter: {}, offset: 0, limit: 50 })).total).toBe(10);
    await ws.close(ws.info().folders[0].id);
    appendFileSync(join(root, 'log.csv'), row(11));
    await ws.open([root]);
    await ws.whenIndexed();
    expect((await ws.query({ filter: {}, offset: 0, limit: 50 })).total).toBe(11);
  });
});

// A one-shot command's workspace (hostScans: this thread scans a large log's first half beside one
// worker, both filling shared columns) against the app's (two workers): the same rows, the same
// answers to a query, and the split it says it made.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace } from '../../../src/main/workspace/workspace';
import { lastSplitOf, PARALLEL_MIN_BYTES } from '../../../src/main/log-index/scan-workers';

const REASONS = ['', 'wrong', 'offensive', ''];

/** A CSVLogger-style log just over the size from which a log is indexed on two threads. */
function largeLog(): string {
  const folder = mkdtempSync(join(tmpdir(), 'flagdeck-oneshot-'));
  const lines = ['prompt,output,flag,username,timestamp'];
  let bytes = 0;
  for (let i = 0; bytes < PARALLEL_MIN_BYTES * 1.1; i++) {
    const prompt =
      i % 5 === 0 ? `"row ${i}\nwith a second line, and ""quotes"""` : `row ${i} ${'x'.repeat(i % 90)}`;
    const second = String(i % 60).padStart(2, '0');
    const line = `${prompt},out ${i % 7},${REASONS[i % 4]},${i % 3 ? '' : `user${i % 11}`},2024-01-0${1 + (i % 9)} 00:00:${second}.5`;
    lines.push(line);
    bytes += line.length + 2;
  }
  writeFileSync(join(folder, 'log.csv'), lines.join('\r\n') + '\r\n');
  return folder;
}

async function indexedBy(folder: string, hostScans: boolean) {
  const ws = createWorkspace({ emit: () => undefined, follow: false, hostScans, bulkDelayMs: 0 });
  try {
    await ws.open([folder]);
    await ws.whenIndexed();
    const split = lastSplitOf();
    const query = await ws.query({
      filter: { reasons: ['wrong'] },
      sort: { by: 'timestamp', dir: 'desc' },
      offset: 0,
      limit: 50,
    });
    const last = await ws.query({ filter: {}, offset: ws.info().folders[0].logs[0].rows - 3, limit: 3 });
    return { split, rows: ws.info().folders[0].logs[0].rows, query, last };
  } finally {
    await ws.dispose();
  }
}

describe('a one-shot workspace indexes a large log on this thread and a worker', () => {
  it('gives the rows and answers the app does', async () => {
    const folder = largeLog();
    const app = await indexedBy(folder, false);
    const oneShot = await indexedBy(folder, true);
    expect(app.split).toBe('two workers');
    expect(oneShot.split).toBe('this thread and a worker');
    expect(oneShot.rows).toBeGreaterThan(100_000);
    expect(oneShot.rows).toBe(app.rows);
    expect(oneShot.query.total).toBeGreaterThan(0);
    expect(oneShot.query).toEqual(app.query);
    expect(oneShot.last).toEqual(app.last);
  }, 60_000);
});

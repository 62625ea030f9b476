// A query that walked a log's bytes leaves megabytes of garbage (pieces it read, values it made):
// the engine asks for a collection once such a query is answered, and not for one that walked
// nothing (an indexed field, a kept selection).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleFilter, SampleSort } from '../../../src/shared/api';
import { FolderReader } from '../../../src/main/gradio/reader';
import { Interner } from '../../../src/main/log-index/intern';
import { indexOneLog } from '../../../src/main/log-index/index-folder';
import { QueryEngine } from '../../../src/main/query/query';
import type { QueryLog } from '../../../src/main/query/query-log';
import { ReviewOverlay } from '../../../src/main/query/review-overlay';

const root = mkdtempSync(join(tmpdir(), 'flagdeck-collect-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const interners = { reasons: new Interner(), usernames: new Interner() };
let logs: QueryLog[];

beforeAll(async () => {
  const rows = Array.from(
    { length: 50 },
    (_, i) => `prompt ${i},answer ${i % 7},,user${i % 3},2024-05-01 10:00:00`,
  );
  writeFileSync(
    join(root, 'log.csv'),
    ['prompt,answer,flag,username,timestamp', ...rows].join('\r\n') + '\r\n',
  );
  const log = await indexOneLog(root, await new FolderReader().shapeOf(root, 'log.csv'), interners);
  logs = [{ folderId: 'f', key: 'f/log.csv', log, overlay: new ReviewOverlay() }];
});

/** How many collections the engine asked for after each query, answered and its turn passed. */
async function collectionsAfter(queries: [SampleFilter, SampleSort?][]): Promise<number[]> {
  let collections = 0;
  const engine = new QueryEngine(interners, undefined, {
    collect: () => collections++,
    collectAfter: Infinity,
  });
  const counts: number[] = [];
  for (const [filter, sort] of queries) {
    await engine.select(logs, filter, sort);
    await new Promise((resolve) => setImmediate(resolve));
    counts.push(collections);
  }
  return counts;
}

describe('the query engine', () => {
  it('asks for a collection after a search or a sort that walked the log, once per walk', async () => {
    expect(
      await collectionsAfter([
        [{ text: 'answer 3' }],
        [{ text: 'answer 3' }],
        [{}, { by: 'answer', dir: 'asc' }],
        [{}, { by: 'answer', dir: 'asc' }],
        [{ columns: [{ column: 'prompt', values: ['prompt 4'] }] }],
      ]),
    ).toEqual([1, 1, 2, 2, 3]);
  });

  it('asks for none after queries on the indexed fields only', async () => {
    expect(
      await collectionsAfter([
        [{}],
        [{ usernames: ['user1'] }, { by: 'timestamp', dir: 'desc' }],
        [{}, { by: 'username', dir: 'asc' }],
      ]),
    ).toEqual([0, 0, 0]);
  });
});

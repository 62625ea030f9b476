// Queries split between this thread and a worker read a large log's shared index columns in place
// (query/worker-rows.ts). The same queries over the same rows, with columns shared and split or
// plain and on one thread, must select the same rows in the same order.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SampleFilter, SampleSort } from '../../../src/shared/api';
import { FolderReader } from '../../../src/main/gradio/reader';
import { Interner } from '../../../src/main/log-index/intern';
import { indexOneLog } from '../../../src/main/log-index/index-folder';
import { SHARED_COLUMNS } from '../../../src/main/log-index/log-index';
import { MATCH_SPLIT } from '../../../src/main/query/column-matches';
import { PARALLEL_KEYS } from '../../../src/main/query/column-ranks';
import { QueryEngine } from '../../../src/main/query/query';
import type { QueryLog } from '../../../src/main/query/query-log';
import { ReviewOverlay } from '../../../src/main/query/review-overlay';
import { SEARCH_SPLIT } from '../../../src/main/query/text-search';
import { TOP_PATHS } from '../../../src/main/query/top-rows';
import { selectedIds } from './support/selected-ids';

const root = mkdtempSync(join(tmpdir(), 'flagdeck-shared-queries-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const interners = { reasons: new Interner(), usernames: new Interner() };

const ANSWERS = ['a "quoted" cat', 'two\nlines', '', 'Cat', 'é', '{"k": 1}', 'x'.repeat(300), 'dog'];
const csvCell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

writeFileSync(
  join(root, 'log.csv'),
  [
    'prompt,answer,flag,username,timestamp',
    // More rows than a new index has room for: its columns grow, shared or not.
    ...Array.from({ length: 1500 }, (_, i) =>
      [
        `prompt ${(i * 7919) % 1500}`,
        `${ANSWERS[i % 8]} ${i % 13}`,
        '',
        `user${i % 3}`,
        '2024-05-01 10:00:00',
      ]
        .map(csvCell)
        .join(','),
    ),
  ].join('\r\n') + '\r\n',
);

async function indexed(shared: boolean): Promise<QueryLog> {
  const saved = SHARED_COLUMNS.fromRows;
  SHARED_COLUMNS.fromRows = shared ? 1 : Infinity;
  try {
    const shape = await new FolderReader().shapeOf(root, 'log.csv');
    const log = await indexOneLog(root, shape, interners);
    return { folderId: 'f', key: `f/log.csv/${shared}`, log, overlay: new ReviewOverlay() };
  } finally {
    SHARED_COLUMNS.fromRows = saved;
  }
}

let shared: QueryLog;
let plain: QueryLog;
beforeAll(async () => {
  shared = await indexed(true);
  plain = await indexed(false);
});

/** Every split lowered to 2 rows (or kept off: one thread), and each one's last path reset. */
function splitAll(split: boolean): void {
  const saved = [SEARCH_SPLIT.minRows, MATCH_SPLIT.minRows, PARALLEL_KEYS.minRows, TOP_PATHS.splitMinRows];
  const directMax = TOP_PATHS.directMax;
  const rows = split ? 2 : Infinity;
  [SEARCH_SPLIT.minRows, MATCH_SPLIT.minRows, PARALLEL_KEYS.minRows, TOP_PATHS.splitMinRows] = [
    rows,
    rows,
    rows,
    rows,
  ];
  TOP_PATHS.directMax = 0;
  SEARCH_SPLIT.last = MATCH_SPLIT.last = PARALLEL_KEYS.last = TOP_PATHS.last = 'none';
  onTestFinished(() => {
    [SEARCH_SPLIT.minRows, MATCH_SPLIT.minRows, PARALLEL_KEYS.minRows, TOP_PATHS.splitMinRows] = saved;
    TOP_PATHS.directMax = directMax;
  });
}

const QUERIES: [string, SampleFilter, SampleSort | undefined][] = [
  ['a search', { text: 'cat' }, undefined],
  ['a sort on a column', {}, { by: 'answer', dir: 'asc' }],
  ['a search, sorted descending', { text: 'a' }, { by: 'prompt', dir: 'desc' }],
  ['a filter on a column', { columns: [{ column: 'answer', values: ['dog 3', 'é 0'] }] }, undefined],
];

describe('queries over shared index columns', () => {
  it('index the large log into shared memory, the other into plain arrays', () => {
    expect(shared.log.starts.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(plain.log.starts.buffer).toBeInstanceOf(ArrayBuffer);
  });

  for (const [name, filter, sort] of QUERIES) {
    it(`select the same rows for ${name}, split over shared columns as on one thread over plain ones`, async () => {
      splitAll(false);
      const alone = await selectedIds(new QueryEngine(interners), [plain], filter, sort);
      splitAll(true);
      const split = await selectedIds(new QueryEngine(interners), [shared], filter, sort);
      expect(split.length).toBeGreaterThan(0);
      expect(split).toEqual(alone);
      const paths = [SEARCH_SPLIT.last, MATCH_SPLIT.last, PARALLEL_KEYS.last, TOP_PATHS.last];
      expect(paths).toContain('two threads');
      expect(paths).not.toContain('worker failed');
    });
  }

  it("give a sort's first rows the same, split over shared columns as on one thread over plain ones", async () => {
    const sort: SampleSort = { by: 'answer', dir: 'desc' };
    splitAll(false);
    const alone = await new QueryEngine(interners).select([plain], {}, sort, undefined, { upTo: 40 });
    splitAll(true);
    const split = await new QueryEngine(interners).select([shared], {}, sort, undefined, { upTo: 40 });
    expect(TOP_PATHS.last).toBe('two threads');
    expect([...split.refs].slice(0, 40)).toEqual([...alone.refs].slice(0, 40));
  });
});

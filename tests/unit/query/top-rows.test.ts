// A column sort that orders only the first rows (`flagdeck query --limit k`: a bounded heap over
// one pass of the column, or a small selection's own values) must give exactly the first k rows of
// the full sort: same code-point order, empty cells first ascending and last descending, equal
// values in log order both ways, with filters, over several logs, with a worker on the later half.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SampleFilter, SampleSort } from '../../../src/shared/api';
import { FolderReader } from '../../../src/main/gradio/reader';
import { Interner } from '../../../src/main/log-index/intern';
import { indexOneLog } from '../../../src/main/log-index/index-folder';
import { QueryEngine } from '../../../src/main/query/query';
import type { QueryLog } from '../../../src/main/query/query-log';
import { ReviewOverlay } from '../../../src/main/query/review-overlay';
import { SLOT, type RowRefs } from '../../../src/main/query/row-refs';
import { TOP_PATHS } from '../../../src/main/query/top-rows';
import { FIRST_PAGES } from '../../../src/main/query/sort-order';
import { fromEndFields } from '../../../src/main/query/read-direction';

const root = mkdtempSync(join(tmpdir(), 'flagdeck-top-rows-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) || text.startsWith('"') ? `"${text.replaceAll('"', '""')}"` : text;
}

let files = 0;
const interners = { reasons: new Interner(), usernames: new Interner() };

/** A Gradio 4 log of `prompt, answer` rows (or `header`'s cells), then flag, username (user0..2), timestamp. */
async function queryLog(rows: string[][], header = 'prompt,answer'): Promise<QueryLog> {
  const file = `log-${files++}.csv`;
  const lines = [
    `${header},flag,username,timestamp`,
    ...rows.map((cells, i) =>
      [...cells, '', `user${i % 3}`, `2024-05-01 10:00:${String(i % 60).padStart(2, '0')}`]
        .map(csvCell)
        .join(','),
    ),
  ];
  writeFileSync(join(root, file), lines.join('\r\n') + '\r\n');
  const shape = await new FolderReader().shapeOf(root, file);
  const log = await indexOneLog(root, shape, interners);
  return { folderId: 'f', key: `f/${file}`, log, overlay: new ReviewOverlay() };
}

/** Values 200 bytes long tie on any fixed-size prefix; short ones, quotes, escapes, non-ASCII. */
const long = 'x'.repeat(200);
const cellText = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    '',
    '',
    'a',
    'a',
    'B',
    '"',
    '"a"',
    'say "a"',
    "'=1+1",
    'a,b',
    'two\nlines',
    'é',
    'é',
    '日本',
    '🎉',
    'z',
  ),
  fc.string({ maxLength: 4 }).map((tail) => long + tail),
  fc.constantFrom('', 'a', 'b').map((tail) => `${long}${'y'.repeat(300)}${tail}`),
);

const ids = (logs: QueryLog[], refs: RowRefs): string[] =>
  [...refs].map((ref) => `${logs[Math.floor(ref / SLOT)].log.file}#${ref % SLOT}`);

/** The first k rows with upTo = k against the full sort, both on engines of their own. */
async function expectFirstRows(logs: QueryLog[], filter: SampleFilter, sort: SampleSort, k: number) {
  const full = await new QueryEngine(interners).select(logs, filter, sort);
  const top = await new QueryEngine(interners).select(logs, filter, sort, undefined, { upTo: k });
  expect(top.total).toBe(full.refs.length);
  expect(ids(logs, top.refs).slice(0, k)).toEqual(ids(logs, full.refs).slice(0, k));
}

const FILTERS: SampleFilter[] = [{}, { usernames: ['user1'] }, { text: 'a' }];

/** `ids` (ascending, ties in row order) as a descending sort orders them: ties still in row order, empty cells last. */
function descending(ascending: string[], values: string[], file: string): string[] {
  const rowOf = (id: string) => Number(id.slice(file.length + 1));
  return [...ascending].sort((a, b) => {
    const [x, y] = [values[rowOf(a)], values[rowOf(b)]].map((v) => Buffer.from(v, 'utf8'));
    const empty = Number(x.length === 0) - Number(y.length === 0);
    return empty || Buffer.compare(y, x) || rowOf(a) - rowOf(b);
  });
}

function lowered(paths: Partial<typeof TOP_PATHS>): void {
  const saved = { ...TOP_PATHS };
  Object.assign(TOP_PATHS, paths);
  onTestFinished(() => {
    Object.assign(TOP_PATHS, saved);
  });
}

/**
 * Over random logs (two at times), k, direction, sort column among `columns` and filter, the first
 * k rows with upTo = k are the full sort's; `directMax` 0: every selection goes through the
 * one-pass heap; 1000: a filtered one is read row by row.
 */
async function checkFirstRows(columns: string[], sizes: { a: number; b: number }, runs: number) {
  for (const directMax of [0, 1000]) {
    lowered({ directMax });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: sizes.a }),
        fc.array(fc.tuple(cellText, cellText), { maxLength: sizes.b }),
        fc.integer({ min: 1, max: sizes.a + 5 }),
        fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
        fc.constantFrom(...columns),
        fc.constantFrom(...FILTERS),
        async (rowsA, rowsB, k, dir, by, filter) => {
          const logs = [await queryLog(rowsA), ...(rowsB.length > 0 ? [await queryLog(rowsB)] : [])];
          await expectFirstRows(logs, filter, { by, dir }, k);
        },
      ),
      { numRuns: Number(process.env.TOP_RUNS ?? runs) },
    );
  }
}

describe('the first rows of a column sort', () => {
  it('are the first k rows of the full sort, asc and desc, with filters (fast-check)', async () => {
    await checkFirstRows(['answer'], { a: 40, b: 10 }, 60);
  });

  it('are the first k rows of a field sort (timestamp, username, reason), with filters (fast-check)', async () => {
    // Timestamps repeat every 60 rows and usernames every 3: most keys tie, and ties keep log order.
    await checkFirstRows(['timestamp', 'username', 'reason'], { a: 80, b: 70 }, 40);
  });

  it('are the same when a worker goes through the later half of a log', async () => {
    lowered({ directMax: 0, splitMinRows: 2 });
    const rows = Array.from({ length: 300 }, (_, i): [string, string] => [
      `p${i}`,
      [
        `'=${i % 7}`,
        `two\nlines ${i % 13}`,
        `"quoted" ${i % 5}`,
        '',
        `${long}${i % 11}`,
        'é',
        // Read by the exact scanner (the escape), and read as written: the quotes decide their order.
        `'="a"${i % 3}`,
        `="a"${i % 4}`,
      ][i % 8],
    ]);
    const logs = [await queryLog(rows)];
    for (const dir of ['asc', 'desc'] as const) {
      for (const filter of [{}, { usernames: ['user1'] }, { text: 'quoted' }]) {
        for (const k of [1, 7, 60, 400]) {
          TOP_PATHS.last = 'none';
          await expectFirstRows(logs, filter, { by: 'answer', dir }, k);
          expect(TOP_PATHS.last).toBe('two threads');
        }
      }
    }
  });

  it('are the same for a column in the later half of the rows, read from their ends by this thread and a worker', async () => {
    lowered({ directMax: 0, splitMinRows: 2 });
    const answers = Array.from(
      { length: 300 },
      (_, i) =>
        [`a "${i % 7}"`, `two\nlines, ${i % 13}`, '', `${long}${i % 11}`, 'é', `{"k": ${i % 5}}`][i % 6],
    );
    const before = ['q'.repeat(60), '"r"', 's,t'];
    const logs = [
      await queryLog(
        answers.map((answer, i) => [`p${i}`, ...before, answer]),
        'p,q,r,s,answer',
      ),
    ];
    expect(fromEndFields(logs[0].log, 4)).toBe(8);
    // The full order, as the values' UTF-8 bytes order it (empty first), ties in row order.
    const byValue = answers
      .map((answer, row) => ({ row, bytes: Buffer.from(answer, 'utf8') }))
      .sort((a, b) => {
        const empty = Number(b.bytes.length === 0) - Number(a.bytes.length === 0);
        return empty || Buffer.compare(a.bytes, b.bytes) || a.row - b.row;
      })
      .map(({ row }) => `${logs[0].log.file}#${row}`);
    for (const dir of ['asc', 'desc'] as const) {
      const full = await new QueryEngine(interners).select(logs, {}, { by: 'answer', dir });
      const expected = dir === 'asc' ? byValue : descending(byValue, answers, logs[0].log.file);
      expect(ids(logs, full.refs)).toEqual(expected);
      TOP_PATHS.last = 'none';
      const top = await new QueryEngine(interners).select(logs, {}, { by: 'answer', dir }, undefined, {
        upTo: 40,
      });
      expect(TOP_PATHS.last).toBe('two threads');
      expect(ids(logs, top.refs)).toEqual(expected.slice(0, 40));
    }
  });

  it('counts every match while ordering only the first, and a log without the column sorts as empty', async () => {
    const a = await queryLog([
      ['p', 'pear'],
      ['p', ''],
      ['p', 'apple'],
    ]);
    const b = await queryLog([['p', 'banana']]);
    const c = await queryLog([['p', 'q']], 'prompt,other');
    const logs = [a, b, c];
    const first = await new QueryEngine(interners).select(logs, {}, { by: 'answer', dir: 'asc' }, undefined, {
      upTo: 3,
    });
    expect(first.total).toBe(5);
    expect(ids(logs, first.refs)).toEqual([`${a.log.file}#1`, `${c.log.file}#0`, `${a.log.file}#2`]);
    const last = await new QueryEngine(interners).select(logs, {}, { by: 'answer', dir: 'desc' }, undefined, {
      upTo: 2,
    });
    expect(ids(logs, last.refs)).toEqual([`${a.log.file}#0`, `${b.log.file}#0`]);
  });
});

describe("the UI's first pages of a column sort", () => {
  /** FIRST_PAGES.rows lowered to `rows` for this test. */
  function firstPagesOf(rows: number): void {
    const saved = FIRST_PAGES.rows;
    FIRST_PAGES.rows = rows;
    onTestFinished(() => {
      FIRST_PAGES.rows = saved;
    });
  }

  it('come from the first rows alone, and a page past them orders every row as the full sort does (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cellText, cellText), { minLength: 14, maxLength: 40 }),
        fc.integer({ min: 6, max: 12 }),
        // A first page among the first rows, then pages anywhere.
        fc.integer({ min: 0, max: 1 }),
        fc.array(fc.integer({ min: 0, max: 45 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
        fc.constantFrom(...FILTERS),
        async (rows, firstRows, firstOffset, later, dir, filter) => {
          const offsets = [firstOffset, ...later];
          firstPagesOf(firstRows);
          lowered({ directMax: 0 });
          const logs = [await queryLog(rows)];
          const sort: SampleSort = { by: 'answer', dir };
          const full = ids(logs, (await new QueryEngine(interners).select(logs, filter, sort)).refs);
          const engine = new QueryEngine(interners);
          for (const offset of offsets) {
            const selection = await engine.select(logs, filter, sort, undefined, { pageEnd: offset + 5 });
            expect(selection.total).toBe(full.length);
            expect(ids(logs, selection.refs).slice(offset, offset + 5)).toEqual(
              full.slice(offset, offset + 5),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("order only the first rows of a column's first two sorts, and rank it at the third", async () => {
    firstPagesOf(4);
    lowered({ directMax: 0 });
    const rows = Array.from({ length: 30 }, (_, i): [string, string] => [`p${i}`, `answer ${(i * 7) % 30}`]);
    const logs = [await queryLog(rows)];
    const engine = new QueryEngine(interners);
    const runs = FIRST_PAGES.runs;
    const first = await engine.select(logs, {}, { by: 'answer', dir: 'asc' }, undefined, { pageEnd: 2 });
    expect(FIRST_PAGES.runs).toBe(runs + 1);
    expect(first.total).toBe(30);
    expect(first.refs.length).toBe(4);
    // The same page again is the kept selection.
    expect(await engine.select(logs, {}, { by: 'answer', dir: 'asc' }, undefined, { pageEnd: 4 })).toBe(
      first,
    );
    const desc = await engine.select(logs, {}, { by: 'answer', dir: 'desc' }, undefined, { pageEnd: 2 });
    expect(FIRST_PAGES.runs).toBe(runs + 2);
    expect(desc.refs.length).toBe(4);
    // The third sort on the column ranks it: every row ordered.
    const filtered = await engine.select(
      logs,
      { usernames: ['user1'] },
      { by: 'answer', dir: 'asc' },
      undefined,
      {
        pageEnd: 2,
      },
    );
    expect(FIRST_PAGES.runs).toBe(runs + 2);
    expect(filtered.refs.length).toBe(10);
    // A page past the first rows orders all 30, beginning with the first page's rows.
    const further = await engine.select(logs, {}, { by: 'answer', dir: 'asc' }, undefined, { pageEnd: 10 });
    expect(further.refs.length).toBe(30);
    expect(ids(logs, further.refs).slice(0, 4)).toEqual(ids(logs, first.refs));
    expect(ids(logs, desc.refs)).toEqual(ids(logs, further.refs).reverse().slice(0, 4));
  });

  it('asked for twice at once are ordered once', async () => {
    firstPagesOf(4);
    lowered({ directMax: 0 });
    const logs = [
      await queryLog(Array.from({ length: 20 }, (_, i): [string, string] => [`p${i}`, `a${i % 9}`])),
    ];
    const engine = new QueryEngine(interners);
    const runs = FIRST_PAGES.runs;
    const sort: SampleSort = { by: 'answer', dir: 'asc' };
    const [a, b] = await Promise.all([
      engine.select(logs, {}, sort, undefined, { pageEnd: 2 }),
      engine.select(logs, {}, sort, undefined, { pageEnd: 3 }),
    ]);
    expect(a).toBe(b);
    expect(FIRST_PAGES.runs).toBe(runs + 1);
  });
});

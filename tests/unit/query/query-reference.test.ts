// Every sort and search path of the query engine against a plain reference: rows read whole by the
// reader, cells compared as UTF-8 bytes (Python's sorted()), a search as a case-insensitive
// substring of the cells. Tricky cells: multi-line, quotes, commas, unicode, the CSV-injection
// escape, empty cells and short (ragged) rows. An engine whose cache budget is one byte, so that
// everything it builds is evicted again, must give the same answers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SampleFilter, SampleSort } from '../../../src/shared/api';
import { FolderReader } from '../../../src/main/gradio/reader';
import { undoInjectionEscape } from '../../../src/main/gradio/injection-escape';
import { Interner } from '../../../src/main/log-index/intern';
import { indexOneLog } from '../../../src/main/log-index/index-folder';
import { readRecords } from '../../../src/main/log-index/read-records';
import { QueryEngine } from '../../../src/main/query/query';
import type { QueryLog } from '../../../src/main/query/query-log';
import { selectedIds } from './support/selected-ids';
import { ReviewOverlay } from '../../../src/main/query/review-overlay';
import { SAMPLING } from '../../../src/main/query/splitters';
import { SEARCH_SPLIT } from '../../../src/main/query/text-search';
import { MATCH_RANKS } from '../../../src/main/query/sort-order';
import { TOP_PATHS } from '../../../src/main/query/top-rows';

const CELLS = [
  'plain',
  'Zebra crossing',
  'a "quoted" word',
  'comma, inside',
  'two\nlines',
  'three\r\nline\nbreaks',
  'café',
  'CAFÉ au lait',
  '日本語',
  '🎉 party',
  "'=1+1",
  '',
  'x'.repeat(40) + 'tail b',
  'x'.repeat(40) + 'tail a',
  'cat',
  'Cat',
  'category',
];

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Row i of a log: prompt and answer cells picked from CELLS, flag, username, timestamp; some short. */
function line(i: number, seed: number): string {
  const prompt = CELLS[(i * 7 + seed) % CELLS.length];
  const answer = CELLS[(i * 11 + seed * 3) % CELLS.length];
  const cells = [
    prompt,
    answer,
    i % 3 === 0 ? 'wrong' : '',
    `user${i % 4}`,
    `2024-01-0${1 + (i % 9)} 10:00:00`,
  ];
  // Every ninth row is cut short after its answer (a ragged row: flag, username and time empty).
  return (i % 9 === 4 ? cells.slice(0, 2) : cells).map(csvCell).join(',');
}

let root: string;
const interners = { reasons: new Interner(), usernames: new Interner() };
let logs: QueryLog[];
/** Each row's decoded cells, as `<file>#<row>` → cells. */
const cellsOf = new Map<string, string[]>();
const order: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'flagdeck-query-reference-'));
  const reader = new FolderReader();
  logs = [];
  for (const [file, seed, count] of [
    ['a.csv', 1, 60],
    ['b.csv', 5, 45],
  ] as const) {
    const lines = [
      'prompt,answer,flag,username,timestamp',
      ...Array.from({ length: count }, (_, i) => line(i, seed)),
    ];
    writeFileSync(join(root, file), lines.join('\r\n') + '\r\n');
    const shape = await reader.shapeOf(root, file);
    const log = await indexOneLog(root, shape, interners);
    logs.push({ folderId: 'f', key: `f/${file}`, log, overlay: new ReviewOverlay() });
    const records = await readRecords(
      log,
      Array.from({ length: log.count }, (_, row) => row),
    );
    records.forEach((record, row) => {
      cellsOf.set(`${file}#${row}`, record.cells.map(undoInjectionEscape));
      order.push(`${file}#${row}`);
    });
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (engine: QueryEngine, filter: SampleFilter, sort?: SampleSort) =>
  selectedIds(engine, logs, filter, sort);

const COLUMNS = ['prompt', 'answer'];

/** The reference: rows whose cells contain `text` (any case), sorted stably by a column's bytes. */
function reference(text: string | undefined, sort?: SampleSort): string[] {
  const needle = text?.toLowerCase();
  const matching = order.filter(
    (id) =>
      needle === undefined || (cellsOf.get(id) ?? []).some((cell) => cell.toLowerCase().includes(needle)),
  );
  if (!sort) return matching;
  const column = COLUMNS.indexOf(sort.by);
  const key = (id: string) => Buffer.from((cellsOf.get(id) ?? [])[column] ?? '', 'utf8');
  const sign = sort.dir === 'desc' ? -1 : 1;
  // Array#sort is stable: ties keep log order in both directions.
  return [...matching].sort((a, b) => sign * Buffer.compare(key(a), key(b)));
}

const SEARCHES = [undefined, 'cat', 'CAFÉ', 'quoted', 'lines', '日本', 'tail', '=1+1', 'nothing like it'];

describe('QueryEngine against a reference', () => {
  for (const [name, budget, sampled, splitRows] of [
    ['the default budget', undefined, SAMPLING.items, SEARCH_SPLIT.minRows],
    ['a one-byte budget (everything evicted)', 1, SAMPLING.items, SEARCH_SPLIT.minRows],
    ['3 sampled splitters (values told apart by keys, hashes and reads)', undefined, 3, SEARCH_SPLIT.minRows],
    ['searches split between this thread and a worker', 1, SAMPLING.items, 2],
  ] as const) {
    it(`sorts every column both ways, alone and after each search, with ${name}`, async () => {
      const saved = { items: SAMPLING.items, minRows: SEARCH_SPLIT.minRows };
      SAMPLING.items = sampled;
      SEARCH_SPLIT.minRows = splitRows;
      SEARCH_SPLIT.last = 'none';
      onTestFinished(() => {
        SAMPLING.items = saved.items;
        SEARCH_SPLIT.minRows = saved.minRows;
      });
      const engine = new QueryEngine(interners, budget);
      for (const text of SEARCHES) {
        const filter: SampleFilter = text === undefined ? {} : { text };
        expect(await rows(engine, filter)).toEqual(reference(text));
        for (const by of COLUMNS) {
          for (const dir of ['asc', 'desc'] as const) {
            expect(await rows(engine, filter, { by, dir })).toEqual(reference(text, { by, dir }));
          }
        }
      }
      if (budget !== undefined) expect(engine.cachedBytes).toBeLessThanOrEqual(8 * order.length);
      if (splitRows === 2) expect(SEARCH_SPLIT.last).toBe('two threads');
    });
  }

  it("sorts a search's matches ranked alone first, then through the kept ranks of every row", async () => {
    const directMax = TOP_PATHS.directMax;
    TOP_PATHS.directMax = 0;
    onTestFinished(() => {
      TOP_PATHS.directMax = directMax;
    });
    const engine = new QueryEngine(interners);
    const runs = MATCH_RANKS.runs;
    for (const text of SEARCHES.slice(1)) {
      for (const by of COLUMNS) {
        for (const dir of ['asc', 'desc'] as const) {
          expect(await rows(engine, { text }, { by, dir })).toEqual(reference(text, { by, dir }));
        }
      }
    }
    // One match-only ranking per column: the first search sorted on it; the rest use its ranks.
    expect(MATCH_RANKS.runs - runs).toBe(COLUMNS.length);
  });
});

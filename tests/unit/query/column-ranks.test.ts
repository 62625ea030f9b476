// Sorting on a plain column ranks each row's value as the reader decodes the cell (quoting, the
// CSV-injection escape, UTF-8), in code-point order (Python's sorted()), whatever the cell holds:
// quotes, commas, line breaks, long values sharing a long prefix, empty cells, short rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderReader } from '../../../src/main/gradio/reader';
import { Interner } from '../../../src/main/log-index/intern';
import { indexOneLog } from '../../../src/main/log-index/index-folder';
import { readRecords } from '../../../src/main/log-index/read-records';
import { undoInjectionEscape } from '../../../src/main/gradio/injection-escape';
import { columnRanks, PARALLEL_KEYS } from '../../../src/main/query/column-ranks';
import { DISTINCT } from '../../../src/main/query/distinct-ranks';

const root = mkdtempSync(join(tmpdir(), 'flagdeck-column-ranks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) || text.startsWith('"') ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A Gradio 4 CSVLogger log: the given columns, then flag, username, timestamp. */
async function indexed(file: string, header: string[], rows: string[][]) {
  const lines = [
    [...header, 'flag', 'username', 'timestamp'],
    ...rows.map((cells, i) => [
      ...cells,
      '',
      '',
      `2024-05-01 10:00:${String(i % 60).padStart(2, '0')}.000001`,
    ]),
  ];
  const text = lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  writeFileSync(join(root, file), text);
  const shape = await new FolderReader().shapeOf(root, file);
  return indexOneLog(root, shape, { reasons: new Interner(), usernames: new Interner() });
}

/** What the ranks must say: the reader's cells compared as code points, empty first. */
async function expectedRanks(log: Awaited<ReturnType<typeof indexed>>, column: number): Promise<number[]> {
  const records = await readRecords(
    log,
    Array.from({ length: log.count }, (_, row) => row),
  );
  const values = records.map((record) => {
    const cell = undoInjectionEscape(record.cells[column] ?? '');
    return cell === '' ? null : Buffer.from(cell, 'utf8');
  });
  const distinct = [...new Map(values.filter((v) => v !== null).map((v) => [v.toString('hex'), v])).values()];
  distinct.sort(Buffer.compare);
  const rankOf = new Map(distinct.map((value, i) => [value.toString('hex'), i + 1]));
  return values.map((value) => (value === null ? 0 : (rankOf.get(value.toString('hex')) as number)));
}

const long = 'x'.repeat(200);
const cellText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    '"',
    '""',
    "'=1+1",
    "'-x",
    "'plain",
    'a,b',
    'two\nlines',
    'é',
    '日本',
    '🎉',
    'Z',
    'z',
    '\u00e9',
  ),
  fc.string({ maxLength: 8 }).map((tail) => long + tail),
  fc.string({ maxLength: 8 }).map((tail) => `${long}abcdef${tail}`),
);

describe('columnRanks', () => {
  it('ranks every value as the reader decodes it, in code-point order, ties sharing a rank (fast-check)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: 60 }),
        async (rows) => {
          const log = await indexed(
            `log-${run++}.csv`,
            ['prompt', 'answer', 'flag'],
            rows.map(([a, b]) => [a, b, '']),
          );
          const expected = await expectedRanks(log, 1);
          // No splitter (every value in one gap, told apart by keys, hashes and reads), a few, many.
          for (const sampleItems of [0, 1, 3, 1024]) {
            expect([...(await columnRanks([log], 'answer', { sampleItems }))]).toEqual(expected);
          }
        },
      ),
      { numRuns: Number(process.env.RANK_RUNS ?? 150) },
    );
  });

  it('gives the same ranks when a worker thread keys the later half of the log', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      `p${i}`,
      [`'=${i % 7}`, `two\nlines ${i % 13}`, `"quoted" ${i % 5}`, '', `${'x'.repeat(300)}${i % 11}`][i % 5],
      '',
    ]);
    const log = await indexed('parallel.csv', ['prompt', 'answer', 'flag'], rows);
    const minRows = PARALLEL_KEYS.minRows;
    PARALLEL_KEYS.minRows = 2;
    try {
      for (const sampleItems of [0, 4, 1024]) {
        PARALLEL_KEYS.last = 'none';
        const ranks = await columnRanks([log], 'answer', { sampleItems });
        expect(PARALLEL_KEYS.last).toBe('two threads');
        expect([...ranks]).toEqual(await expectedRanks(log, 1));
      }
    } finally {
      PARALLEL_KEYS.minRows = minRows;
    }
  });

  it('ranks across logs on one scale; a log without the column ranks as empty', async () => {
    const a = await indexed(
      'a.csv',
      ['text', 'flag'],
      [
        ['pear', ''],
        ['apple', ''],
      ],
    );
    const b = await indexed(
      'b.csv',
      ['other', 'text', 'flag'],
      [
        ['x', 'banana', ''],
        ['y', 'apple', ''],
      ],
    );
    const c = await indexed('c.csv', ['other'], [['q']]);
    expect([...(await columnRanks([a, b, c], 'text'))]).toEqual([3, 1, 2, 1, 0]);
  });

  it('ranks a column of few distinct values through them, as the radix passes would', async () => {
    const minItems = DISTINCT.minItems;
    DISTINCT.minItems = 0;
    const paths = new Set<string>();
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          // Few values drawn many times: one per 8 rows or fewer takes the distinct path, more falls back.
          fc
            .array(cellText, { minLength: 1, maxLength: 12 })
            .chain((values) => fc.array(fc.constantFrom(...values), { minLength: 8, maxLength: 80 })),
          async (cells) => {
            const log = await indexed(
              `few-${run++}.csv`,
              ['prompt', 'answer', 'flag'],
              cells.map((cell) => ['p', cell, '']),
            );
            const expected = await expectedRanks(log, 1);
            for (const sampleItems of [0, 3, 1024]) {
              expect([...(await columnRanks([log], 'answer', { sampleItems }))]).toEqual(expected);
              paths.add(DISTINCT.last);
            }
          },
        ),
        { numRuns: Number(process.env.RANK_RUNS ?? 150) },
      );
    } finally {
      DISTINCT.minItems = minItems;
    }
    expect([...paths].sort()).toEqual(['distinct', 'radix']);
  });

  it('ranks only the rows a filter marks, in the order the full ranks give them', async () => {
    const { minItems } = DISTINCT;
    const minRows = PARALLEL_KEYS.minRows;
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(cellText, fc.boolean()), { minLength: 1, maxLength: 60 }),
          fc.boolean(),
          fc.boolean(),
          async (rows, distinct, twoThreads) => {
            DISTINCT.minItems = distinct ? 0 : minItems;
            PARALLEL_KEYS.minRows = twoThreads ? 2 : minRows;
            const log = await indexed(
              `marked-${run++}.csv`,
              ['prompt', 'answer', 'flag'],
              rows.map(([cell]) => ['p', cell, '']),
            );
            const member = Uint8Array.from(rows, ([, marked]) => (marked ? 1 : 0));
            const full = await expectedRanks(log, 1);
            const ranks = [...(await columnRanks([log], 'answer', { member, sampleItems: 3 }))];
            rows.forEach(([, marked], a) => {
              if (!marked) expect(ranks[a]).toBe(0);
              else
                rows.forEach(([, other], b) => {
                  if (other) expect(Math.sign(ranks[a] - ranks[b])).toBe(Math.sign(full[a] - full[b]));
                });
            });
          },
        ),
        { numRuns: Number(process.env.RANK_RUNS ?? 150) },
      );
    } finally {
      DISTINCT.minItems = minItems;
      PARALLEL_KEYS.minRows = minRows;
    }
  });

  it('falls back to the radix passes once a column turns out to hold more distinct values', async () => {
    const { minItems, max } = DISTINCT;
    Object.assign(DISTINCT, { minItems: 0, max: 4 });
    try {
      const cells = Array.from({ length: 200 }, (_, i) => `value ${(i * 5) % 9}`);
      const log = await indexed(
        'many.csv',
        ['prompt', 'answer', 'flag'],
        cells.map((cell) => ['p', cell, '']),
      );
      expect([...(await columnRanks([log], 'answer'))]).toEqual(await expectedRanks(log, 1));
      expect(DISTINCT.last).toBe('radix');
      DISTINCT.max = 9;
      // With splitters every value is one; without, they share a gap and 4 bytes ("valu"), and
      // only their keys' second words tell them apart.
      for (const sampleItems of [1024, 0]) {
        expect([...(await columnRanks([log], 'answer', { sampleItems }))]).toEqual(
          await expectedRanks(log, 1),
        );
        expect(DISTINCT.last).toBe('distinct');
      }
    } finally {
      Object.assign(DISTINCT, { minItems, max });
    }
  });
});

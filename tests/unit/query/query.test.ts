// The query engine on its own: filters, sorts and the kept selections over indexed logs.
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
import { selectedIds } from './support/selected-ids';
import { ReviewOverlay } from '../../../src/main/query/review-overlay';

const FIRST = ['text,flag,username,timestamp', 'a red cat,bad,ann,2024-03-02 10:00:00'];
const FIRST_ROWS = [
  'a blue dog,good,bob,2024-03-01 09:00:00',
  'another cat,,ann,2024-03-03 11:00:00',
  'a bird,bad,,2024-03-01 08:00:00',
];
const SECOND = ['text,flag,username,timestamp', 'cat on a mat,good,cy,2024-02-28 23:59:59'];

let root: string;
const interners = { reasons: new Interner(), usernames: new Interner() };
let logs: QueryLog[];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'flagdeck-query-'));
  writeFileSync(join(root, 'first.csv'), [...FIRST, ...FIRST_ROWS].join('\r\n') + '\r\n');
  writeFileSync(join(root, 'second.csv'), SECOND.join('\r\n') + '\r\n');
  const reader = new FolderReader();
  logs = [];
  for (const file of ['first.csv', 'second.csv']) {
    const shape = await reader.shapeOf(root, file);
    const log = await indexOneLog(root, shape, interners);
    logs.push({ folderId: 'f', key: `f/${file}`, log, overlay: new ReviewOverlay() });
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (engine: QueryEngine, filter: SampleFilter, sort?: SampleSort) =>
  selectedIds(engine, logs, filter, sort);

describe('QueryEngine', () => {
  const engine = new QueryEngine(interners);

  it('returns every row of every log in log order without a filter', async () => {
    expect(await rows(engine, {})).toEqual([
      'first.csv#0',
      'first.csv#1',
      'first.csv#2',
      'first.csv#3',
      'second.csv#0',
    ]);
  });

  it('filters by reason (null = no reason), username, log and text', async () => {
    expect(await rows(engine, { reasons: ['bad'] })).toEqual(['first.csv#0', 'first.csv#3']);
    expect(await rows(engine, { reasons: [null] })).toEqual(['first.csv#2']);
    expect(await rows(engine, { usernames: ['ann'] })).toEqual(['first.csv#0', 'first.csv#2']);
    expect(await rows(engine, { logs: ['f/second.csv'] })).toEqual(['second.csv#0']);
    expect(await rows(engine, { text: 'CAT' })).toEqual(['first.csv#0', 'first.csv#2', 'second.csv#0']);
  });

  it('filters by an inclusive timestamp range', async () => {
    expect(await rows(engine, { from: '2024-03-01', to: '2024-03-02 10:00' })).toEqual([
      'first.csv#0',
      'first.csv#1',
      'first.csv#3',
    ]);
  });

  it('combines filters (every condition must hold)', async () => {
    expect(await rows(engine, { reasons: ['bad'], usernames: ['ann'] })).toEqual(['first.csv#0']);
    expect(await rows(engine, { text: 'cat', reasons: ['good'] })).toEqual(['second.csv#0']);
  });

  it('filters on a named column by value', async () => {
    expect(await rows(engine, { columns: [{ column: 'text', values: ['a bird', 'cat on a mat'] }] })).toEqual(
      ['first.csv#3', 'second.csv#0'],
    );
  });

  it('sorts by timestamp across logs, both directions', async () => {
    const ascending = ['second.csv#0', 'first.csv#3', 'first.csv#1', 'first.csv#0', 'first.csv#2'];
    expect(await rows(engine, {}, { by: 'timestamp', dir: 'asc' })).toEqual(ascending);
    expect(await rows(engine, {}, { by: 'timestamp', dir: 'desc' })).toEqual([...ascending].reverse());
    expect(await rows(engine, { usernames: ['ann'] }, { by: 'timestamp', dir: 'desc' })).toEqual([
      'first.csv#2',
      'first.csv#0',
    ]);
  });

  it('sees review edits: current reason and status filters follow the overlay', async () => {
    const fresh = new QueryEngine(interners);
    expect(await rows(fresh, { statuses: ['keep'] })).toEqual([]);
    const overlay = logs[0].overlay;
    overlay.set(1, { status: 'keep', note: 'Looks Fine', reason: 'bad' }, interners.reasons);
    try {
      expect(await rows(fresh, { statuses: ['keep'] })).toEqual(['first.csv#1']);
      expect(await rows(fresh, { reasons: ['bad'] })).toEqual(['first.csv#0', 'first.csv#1', 'first.csv#3']);
      expect(await rows(fresh, { originalReasons: ['bad'] })).toEqual(['first.csv#0', 'first.csv#3']);
      expect(await rows(fresh, { text: 'looks fine' })).toEqual(['first.csv#1']);
    } finally {
      overlay.clear();
    }
  });

  it('filters on whether a sample has a note (an emptied note counts as none)', async () => {
    const fresh = new QueryEngine(interners);
    expect(await rows(fresh, { hasNote: true })).toEqual([]);
    const overlay = logs[0].overlay;
    overlay.set(2, { status: 'unreviewed', note: 'check the crop' }, interners.reasons);
    overlay.set(3, { status: 'keep', note: '' }, interners.reasons);
    try {
      expect(await rows(fresh, { hasNote: true })).toEqual(['first.csv#2']);
      expect(await rows(fresh, { hasNote: false })).toEqual([
        'first.csv#0',
        'first.csv#1',
        'first.csv#3',
        'second.csv#0',
      ]);
      expect(await rows(fresh, { hasNote: true, statuses: ['keep'] })).toEqual([]);
    } finally {
      overlay.clear();
    }
  });

  it('sorts on a plain text column across logs, both directions, ties in log order', async () => {
    const fresh = new QueryEngine(interners);
    const ascending = await rows(fresh, {}, { by: 'text', dir: 'asc' });
    // a bird, a blue dog, a red cat, another cat, cat on a mat
    expect(ascending).toEqual(['first.csv#3', 'first.csv#1', 'first.csv#0', 'first.csv#2', 'second.csv#0']);
    expect(await rows(fresh, {}, { by: 'text', dir: 'desc' })).toEqual([...ascending].reverse());
    expect(await rows(fresh, { text: 'cat' }, { by: 'text', dir: 'desc' })).toEqual([
      'second.csv#0',
      'first.csv#2',
      'first.csv#0',
    ]);
  });

  it('keeps a sorted view of every row of one log in 12 bytes a row: ranks, order, and refs that are the order', async () => {
    const fresh = new QueryEngine(interners);
    const one = [logs[0]];
    expect(await selectedIds(fresh, one, {}, { by: 'text', dir: 'asc' })).toEqual([
      'first.csv#3',
      'first.csv#1',
      'first.csv#0',
      'first.csv#2',
    ]);
    const selection = await fresh.select(one, {}, { by: 'text', dir: 'asc' });
    expect(selection.refs.BYTES_PER_ELEMENT).toBe(4);
    expect(fresh.cachedBytes).toBeLessThanOrEqual(12 * one[0].log.count);
  });

  it('keeps a selection until its data changes', async () => {
    const fresh = new QueryEngine(interners);
    const first = await fresh.select(logs, { text: 'cat' });
    expect(await fresh.select(logs, { text: 'cat' })).toBe(first);
    logs[1].overlay.set(0, { status: 'drop', note: '' }, interners.reasons);
    try {
      const after = await fresh.select(logs, { text: 'cat' });
      expect(after).not.toBe(first);
      expect([...after.refs]).toEqual([...first.refs]);
    } finally {
      logs[1].overlay.clear();
    }
  });
});

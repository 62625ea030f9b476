// The journal's data flow goes one way: the writer says where a batch landed, and the store folds
// the lines it wrote without reading them back. Lines other processes append are still read.
import fs from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { JournalStore } from '../../../src/main/review/journal-store';
import { JournalWriter, type WriteChunk } from '../../../src/main/review/journal-writer';
import { locateReview } from '../../../src/main/review/location';
import { UndoHistory } from '../../../src/main/review/undo-history';
import { samples, tempFolder } from './support/temp-folder';

/** Every byte range the store read from the journal, as [from, to). */
const reads: [number, number][] = [];

vi.mock('../../../src/main/review/journal-reader', async (original) => {
  const actual = await original<typeof import('../../../src/main/review/journal-reader')>();
  return {
    ...actual,
    readLines: async (...args: Parameters<typeof actual.readLines>) => {
      const result = await actual.readLines(...args);
      reads.push([args[1], result.offset]);
      return result;
    },
  };
});

async function openStore(root: string, write?: WriteChunk): Promise<JournalStore> {
  const location = await locateReview(root, { dataDir: join(root, 'data') });
  const store = new JournalStore({
    location,
    writer: await JournalWriter.open(location.journal, write),
    history: new UndoHistory(),
    reviewer: 'ana',
    pollMs: 60_000,
    compactBytes: Infinity,
  });
  await store.start();
  return store;
}

/** A journal line another process could have written. */
function foreignLine(sample: string, status: string): string {
  const line = {
    v: 1,
    edit: `other-${sample}`,
    sample,
    rowHash: 'h9',
    set: { status },
    at: '2026-01-01T00:00:00.000Z',
    by: 'bo',
  };
  return `${JSON.stringify(line)}\n`;
}

describe('the journal writer', () => {
  it('tells where each batch landed, the separating newline left out', async () => {
    const path = join(await tempFolder(), 'journal.jsonl');
    const writer = await JournalWriter.open(path);
    const first = await writer.append('{"a":1}\n');
    const second = await writer.append('{"b":2}\n{"c":3}\n');
    const bytes = await readFile(path, 'utf8');
    expect(first).toEqual({ start: 0, end: 8 });
    expect(bytes.slice(first!.start, first!.end)).toBe('{"a":1}\n');
    expect(bytes.slice(second!.start, second!.end)).toBe('{"b":2}\n{"c":3}\n');
    expect(second!.end).toBe(bytes.length);
    await writer.close();
  });

  it('says it cannot tell when another process appended at the same moment', async () => {
    const path = join(await tempFolder(), 'journal.jsonl');
    await writeFile(path, '{"first":1}\n');
    const writer = await JournalWriter.open(path, (fd, data, offset, length) => {
      fs.appendFileSync(path, '{"theirs":1}\n');
      return fs.writeSync(fd, data, offset, length);
    });
    expect(await writer.append('{"ours":1}\n')).toBeNull();
    await writer.close();
  });
});

describe('the journal store', () => {
  it('folds its own edit and tells its listeners without reading the lines back', async () => {
    const root = await tempFolder();
    const store = await openStore(root);
    await store.edit(samples(1), { status: 'keep' }, 'ana');
    const changed: string[][] = [];
    store.onChange((ids) => changed.push(ids));
    const before = (await readFile(store.location.journal)).length;
    reads.length = 0;
    await store.edit(samples(300), { status: 'drop', note: 'bulk' }, 'ana');
    const after = (await readFile(store.location.journal)).length;
    // The batch's lines start after the newline that separates it from the previous batch.
    const batchStart = before + 1;
    expect(reads.filter(([from, to]) => to > batchStart && from < after)).toEqual([]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toHaveLength(300);
    expect(store.get('log.csv#300', 'h300')).toMatchObject({ status: 'drop', note: 'bulk' });
    // The next look at the journal starts after the batch: nothing of it is read again.
    reads.length = 0;
    await store.refresh();
    expect(reads.every(([from]) => from >= after)).toBe(true);
    expect(store.warnings()).toEqual([]);
    await store.close();
  });

  it('reads the lines another process appended before its own batch, in journal order', async () => {
    const root = await tempFolder();
    const store = await openStore(root);
    await store.edit(samples(1), { status: 'keep' }, 'ana');
    const changed: string[][] = [];
    store.onChange((ids) => changed.push(ids));
    await appendFile(store.location.journal, foreignLine('log.csv#9', 'unsure'));
    await store.edit(samples(2), { note: 'mine' }, 'ana');
    expect(store.get('log.csv#9', 'h9')?.status).toBe('unsure');
    expect(store.get('log.csv#2', 'h2')?.note).toBe('mine');
    expect(changed.flat().sort()).toEqual(['log.csv#1', 'log.csv#2', 'log.csv#9']);
    await store.close();

    // Line numbers stayed right: a reopened store folds the same state with no warning.
    const again = await openStore(root);
    expect(again.get('log.csv#9', 'h9')?.status).toBe('unsure');
    expect(again.get('log.csv#1', 'h1')).toMatchObject({ status: 'keep', note: 'mine' });
    expect(again.warnings()).toEqual([]);
    await again.close();
  });

  it('reads the tail when another process appended at the moment of its write', async () => {
    const root = await tempFolder();
    let interleave = false;
    const location = await locateReview(root, { dataDir: join(root, 'data') });
    const store = await openStore(root, (fd, data, offset, length) => {
      if (interleave) fs.appendFileSync(location.journal, foreignLine('log.csv#9', 'drop'));
      return fs.writeSync(fd, data, offset, length);
    });
    await store.edit(samples(1), { status: 'keep' }, 'ana');
    interleave = true;
    await store.edit(samples(2), { reason: 'dup' }, 'ana');
    expect(store.get('log.csv#9', 'h9')?.status).toBe('drop');
    expect(store.get('log.csv#2', 'h2')?.reason).toBe('dup');
    expect(store.warnings()).toEqual([]);
    await store.close();
  });
});

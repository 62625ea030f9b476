import fs from 'node:fs';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ReviewService } from '../../../src/main/review/review-store';
import { openReview } from '../../../src/main/review/open-review';
import { samples, tempFolder } from './support/temp-folder';

async function open(root: string, extra: { pollMs?: number } = {}): Promise<ReviewService> {
  return openReview(root, { dataDir: join(root, 'data'), reviewer: 'ana', ...extra });
}

async function journalLines(store: ReviewService): Promise<Record<string, unknown>[]> {
  const text = await readFile(store.location.journal, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the review journal', () => {
  it('writes one line per sample under .flagdeck and folds it back on reopen', async () => {
    const root = await tempFolder();
    const store = await open(root);
    const [one, two] = samples(2, 'log.csv', 'blurry');
    const result = await store.edit([one], { reason: 'mislabeled', status: 'drop' }, 'ana');
    await store.edit([two], { note: 'check the audio' }, 'bo');
    expect(result.count).toBe(1);
    expect(store.location.journal).toBe(
      join(await import('node:fs/promises').then((f) => f.realpath(root)), '.flagdeck/journal.jsonl'),
    );
    const lines = await journalLines(store);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      sample: 'log.csv#1',
      rowHash: 'h1',
      set: { reason: 'mislabeled', status: 'drop' },
      by: 'ana',
      edit: result.editId,
    });
    await store.close();

    const again = await open(root);
    expect(again.get('log.csv#1', 'h1')).toMatchObject({
      reason: 'mislabeled',
      status: 'drop',
      note: '',
      updatedBy: 'ana',
    });
    expect(again.get('log.csv#2', 'h2')).toMatchObject({
      status: 'unreviewed',
      note: 'check the audio',
      updatedBy: 'bo',
    });
    expect(again.get('log.csv#3', 'h3')).toBeUndefined();
    expect([...again.ids()].sort()).toEqual(['log.csv#1', 'log.csv#2']);
    await again.close();
  });

  it('resolves an edit only after its line was written and fsynced', async () => {
    const root = await tempFolder();
    const store = await open(root);
    const write = vi.spyOn(fs, 'writeSync');
    const sync = vi.spyOn(fs, 'fsyncSync');
    const resolved = vi.fn();
    await store.edit(samples(1), { status: 'keep' }, 'ana').then(resolved);
    const last = (order: number[]) => order[order.length - 1];
    expect(last(write.mock.invocationCallOrder)).toBeLessThan(last(sync.mock.invocationCallOrder));
    expect(last(sync.mock.invocationCallOrder)).toBeLessThan(last(resolved.mock.invocationCallOrder));
    vi.restoreAllMocks();
    await store.close();
  });

  it('applies a bulk edit as one step: one edit id, one undo', async () => {
    const root = await tempFolder();
    const store = await open(root);
    const many = samples(500);
    await store.edit(many.slice(0, 10), { status: 'keep' }, 'ana');
    const bulk = await store.edit(many, { status: 'drop', reason: 'spam' }, 'ana');
    expect(bulk.count).toBe(500);
    expect(new Set((await journalLines(store)).slice(10).map((l) => l.edit))).toEqual(new Set([bulk.editId]));

    const undoId = await store.undo('ana');
    expect(undoId).not.toBeNull();
    expect(store.get('log.csv#1', 'h1')).toMatchObject({ status: 'keep' });
    expect(store.get('log.csv#1', 'h1')?.reason).toBeUndefined();
    expect(store.get('log.csv#500', 'h500')).toMatchObject({ status: 'unreviewed' });

    expect(await store.redo('ana')).not.toBeNull();
    expect(store.get('log.csv#1', 'h1')).toMatchObject({ status: 'drop', reason: 'spam' });
    expect(store.get('log.csv#500', 'h500')).toMatchObject({ status: 'drop', reason: 'spam' });
    await store.close();
  });

  it('undoes by appending: the history keeps the edit and its undo', async () => {
    const root = await tempFolder();
    const store = await open(root);
    const [one] = samples(1);
    const first = await store.edit([one], { reason: 'a' }, 'ana');
    await store.edit([one], { reason: null, note: 'x' }, 'ana');
    await store.undo('ana');
    expect(store.get(one.id, one.rowHash)).toMatchObject({ reason: 'a', note: '' });
    await store.undo();
    expect(store.get(one.id, one.rowHash)?.reason).toBeUndefined();
    expect(await store.undo()).toBeNull();
    const lines = await journalLines(store);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatchObject({ reverts: first.editId, set: { resetReason: true } });
    await store.close();
  });

  it('keeps undo stacks per session, and a new edit drops the redo stack', async () => {
    const root = await tempFolder();
    const store = await open(root);
    const [one, two] = samples(2);
    await store.edit([one], { status: 'keep' }, 'ana', { session: 'window-1' });
    await store.edit([two], { status: 'drop' }, 'ana', { session: 'window-2' });
    await store.undo('window-1');
    expect(store.get(one.id, one.rowHash)?.status).toBe('unreviewed');
    expect(store.get(two.id, two.rowHash)?.status).toBe('drop');
    await store.edit([two], { note: 'n' }, 'ana', { session: 'window-1' });
    expect(await store.redo('window-1')).toBeNull();
    await store.close();
  });

  it('does not undo over a later change someone else made to the same field', async () => {
    const root = await tempFolder();
    const store = await open(root);
    const [one] = samples(1);
    await store.edit([one], { status: 'keep', note: 'mine' }, 'ana');
    await store.edit([one], { status: 'drop' }, 'bo');
    await store.undo('ana');
    expect(store.get(one.id, one.rowHash)).toMatchObject({ status: 'drop', note: '' });
    await store.close();
  });

  it('skips a torn last line with a warning, and does not let it swallow the next line', async () => {
    const root = await tempFolder();
    const store = await open(root);
    const [one, two] = samples(2);
    await store.edit([one], { status: 'keep' }, 'ana');
    await store.close();
    await appendFile(store.location.journal, '{"v":1,"edit":"torn","sample":"log.csv#2","rowHa');

    const again = await open(root);
    expect(again.warnings().join('\n')).toMatch(/journal\.jsonl line 2: incomplete last line/);
    expect(again.get(one.id, one.rowHash)?.status).toBe('keep');
    await again.edit([two], { status: 'unsure' }, 'ana');
    await again.close();

    const third = await open(root);
    expect(third.get(two.id, two.rowHash)?.status).toBe('unsure');
    expect(third.warnings().join('\n')).toMatch(/journal\.jsonl line 2, column \d+: not JSON/);
    await third.close();
  });

  it("keeps a live writer's next line whole when another writer tore its last line", async () => {
    const root = await tempFolder();
    const store = await open(root);
    const [one, two] = samples(2);
    await store.edit([one], { status: 'keep' }, 'ana');
    await appendFile(store.location.journal, '{"v":1,"edit":"torn","sam');
    await store.edit([two], { status: 'drop' }, 'ana');
    await store.close();
    const again = await open(root);
    expect(again.get(two.id, two.rowHash)?.status).toBe('drop');
    expect(again.warnings()).toHaveLength(1);
    await again.close();
  });

  it('keeps lines for a rewritten row as orphans instead of applying them to the new row', async () => {
    const root = await tempFolder();
    const store = await open(root);
    await store.edit(samples(3), { status: 'drop' }, 'ana');
    // The log was rewritten: row 2 now holds other bytes, row 3 is gone.
    const current = new Map([
      ['log.csv#1', 'h1'],
      ['log.csv#2', 'other'],
    ]);
    expect(store.get('log.csv#2', 'other')).toBeUndefined();
    const orphans = store.orphans((id) => current.get(id));
    expect(orphans.map((o) => [o.id, o.kind, o.review.status])).toEqual([
      ['log.csv#2', 'changed', 'drop'],
      ['log.csv#3', 'missing', 'drop'],
    ]);
    await store.close();
  });

  it('sees edits of another store on the same folder (another window) and tells its listeners', async () => {
    const root = await tempFolder();
    const a = await open(root);
    const b = await open(root);
    const seen: string[][] = [];
    b.onChange((ids) => seen.push(ids));
    await a.edit(samples(2), { reason: 'dup' }, 'ana');
    await expect.poll(() => b.get('log.csv#2', 'h2')?.reason, { timeout: 2000 }).toBe('dup');
    expect(seen.flat().sort()).toEqual(['log.csv#1', 'log.csv#2']);
    await Promise.all([a.close(), b.close()]);
  });

  it('resolves two writers editing one field by time, keeping both lines in the history', async () => {
    const root = await tempFolder();
    const a = await open(root);
    const b = await open(root);
    const [one] = samples(1);
    await a.edit([one], { status: 'keep' }, 'ana');
    await b.edit([one], { status: 'drop' }, 'bo');
    await expect.poll(() => a.get(one.id, one.rowHash)?.status, { timeout: 2000 }).toBe('drop');
    // A writer whose change is older (slow clock, delayed write) appends after: its line is kept but loses.
    const late = {
      v: 1,
      edit: 'late',
      sample: one.id,
      rowHash: one.rowHash,
      set: { status: 'unsure' },
      at: '2000-01-01T00:00:00.000Z',
      by: 'cy',
    };
    await appendFile(a.location.journal, `${JSON.stringify(late)}\n`);
    await Promise.all([a.refresh(), b.refresh()]);
    expect(a.get(one.id, one.rowHash)).toMatchObject({ status: 'drop', updatedBy: 'bo' });
    expect(b.get(one.id, one.rowHash)).toMatchObject({ status: 'drop', updatedBy: 'bo' });
    expect((await journalLines(a)).map((l) => l.by)).toEqual(['ana', 'bo', 'cy']);
    await Promise.all([a.close(), b.close()]);
  });

  it('writes to the new journal when the old one was moved away under it', async () => {
    const root = await tempFolder();
    const store = await open(root);
    const [one, two] = samples(2);
    await store.edit([one], { status: 'keep' }, 'ana');
    await rename(store.location.journal, `${store.location.journal}.bak`);
    await writeFile(store.location.journal, '');
    await store.edit([two], { status: 'drop' }, 'ana');
    expect((await journalLines(store)).map((l) => l.sample)).toEqual(['log.csv#2']);
    expect(store.get(two.id, two.rowHash)?.status).toBe('drop');
    expect(store.get(one.id, one.rowHash)).toBeUndefined();
    expect(store.warnings().join('\n')).toMatch(/was replaced|shrank/);
    await store.close();
  });

  it('saves the reviewer options in config.json, keeping other settings', async () => {
    const root = await tempFolder();
    const store = await open(root);
    await writeFile(store.location.config, JSON.stringify({ theme: 'dark' }));
    const saved = await store.setOptions(
      'f1',
      ['blurry', '', null, 'blurry', 'off-topic'],
      [
        { value: ' wrong class ', retired: false },
        { value: 'old', retired: true },
      ],
    );
    expect(saved).toEqual({
      folderId: 'f1',
      fromLogs: ['blurry', 'off-topic'],
      custom: [
        { value: 'wrong class', retired: false },
        { value: 'old', retired: true },
      ],
    });
    expect(JSON.parse(await readFile(store.location.config, 'utf8'))).toMatchObject({ theme: 'dark' });
    expect((await store.options('f1', [])).custom).toHaveLength(2);
    await expect(
      store.setOptions(
        'f1',
        [],
        [
          { value: 'a', retired: false },
          { value: 'a', retired: true },
        ],
      ),
    ).rejects.toThrow(/option 2 \("a"\) is listed twice/);
    await store.close();
  });

  it('refuses an edit that sets and resets the reason at once', async () => {
    const root = await tempFolder();
    const store = await open(root);
    await expect(store.edit(samples(1), { reason: 'a', resetReason: true }, 'ana')).rejects.toThrow(
      /both set and reset/,
    );
    await store.close();
  });
});

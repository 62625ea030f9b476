import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReview } from '../../../src/main/review/open-review';
import { samples, tempFolder } from './support/temp-folder';

const options = (root: string) => ({ dataDir: join(root, 'data'), reviewer: 'ana' });

describe('compaction', () => {
  it('writes a snapshot of the folded state and keeps the journal whole', async () => {
    const root = await tempFolder();
    const store = await openReview(root, options(root));
    await store.edit(samples(20), { status: 'keep' }, 'ana');
    await store.edit(samples(5), { reason: null, note: 'n' }, 'ana');
    await store.edit(samples(3), { resetReason: true }, 'ana');
    const journalBefore = await readFile(store.location.journal);
    await store.compact();
    expect((await readFile(store.location.journal)).equals(journalBefore)).toBe(true);
    const snapshot = JSON.parse(await readFile(store.location.snapshot, 'utf8')) as {
      offset: number;
      samples: unknown[];
    };
    expect(snapshot.offset).toBe(journalBefore.length);
    expect(snapshot.samples).toHaveLength(20);
    await store.close();

    const again = await openReview(root, options(root));
    expect(again.get('log.csv#4', 'h4')).toMatchObject({ status: 'keep', reason: null, note: 'n' });
    expect(again.get('log.csv#2', 'h2')).toMatchObject({ status: 'keep', note: 'n' });
    expect(again.get('log.csv#2', 'h2')?.reason).toBeUndefined();
    expect(again.warnings()).toEqual([]);
    await again.close();
  });

  it('never loses a line another writer appends during or after compaction', async () => {
    const root = await tempFolder();
    const a = await openReview(root, options(root));
    const b = await openReview(root, options(root));
    const [one, two, three] = samples(3);
    await a.edit([one], { status: 'keep' }, 'ana');
    // b appends while a compacts; a's snapshot covers what it had read, b's line lies past it.
    await Promise.all([a.compact(), b.edit([two], { status: 'drop' }, 'bo')]);
    await b.edit([three], { status: 'unsure' }, 'bo');
    await Promise.all([a.close(), b.close()]);

    const reopened = await openReview(root, options(root));
    expect(reopened.get(one.id, one.rowHash)?.status).toBe('keep');
    expect(reopened.get(two.id, two.rowHash)?.status).toBe('drop');
    expect(reopened.get(three.id, three.rowHash)?.status).toBe('unsure');
    await reopened.close();
  });

  it('reads from the snapshot only the lines after it (the covered part is not re-read)', async () => {
    const root = await tempFolder();
    const store = await openReview(root, options(root));
    const [one, two] = samples(2);
    await store.edit([one], { status: 'keep' }, 'ana');
    await store.compact();
    await store.edit([two], { status: 'drop' }, 'ana');
    await store.close();
    // Proof that the snapshot is used: state put only in the snapshot shows up on reopen.
    const snapshot = JSON.parse(await readFile(store.location.snapshot, 'utf8')) as {
      samples: { status: { value: string } }[];
    };
    snapshot.samples[0].status.value = 'unsure';
    await writeFile(store.location.snapshot, JSON.stringify(snapshot));
    const again = await openReview(root, options(root));
    expect(again.get(one.id, one.rowHash)?.status).toBe('unsure');
    expect(again.get(two.id, two.rowHash)?.status).toBe('drop');
    await again.close();
  });

  it('ignores a snapshot that no longer matches the journal, with a warning', async () => {
    const root = await tempFolder();
    const store = await openReview(root, options(root));
    await store.edit(samples(2), { status: 'keep' }, 'ana');
    await store.compact();
    await store.close();
    const journal = await readFile(store.location.journal, 'utf8');
    // The journal was replaced by another one (restored from a backup, say).
    await writeFile(store.location.journal, journal.replace(/"keep"/g, '"drop"'));
    const again = await openReview(root, options(root));
    expect(again.get('log.csv#1', 'h1')?.status).toBe('drop');
    expect(again.warnings().join('\n')).toMatch(/snapshot\.json does not match the journal/);
    await again.close();
  });

  it('compacts by itself on close once enough of the journal is not in the snapshot', async () => {
    const root = await tempFolder();
    const store = await openReview(root, { ...options(root), compactBytes: 1000 });
    await store.edit(samples(20), { status: 'keep' }, 'ana');
    await store.close();
    expect((await stat(store.location.snapshot)).size).toBeGreaterThan(0);
  });
});

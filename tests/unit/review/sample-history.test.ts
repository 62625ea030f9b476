// One sample's history from the journal: its changes only, oldest first, with the values they
// replaced; undoing one entry is a new edit restoring that value (the history then shows both).
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openReview } from '../../../src/main/review/open-review';
import type { ReviewService } from '../../../src/main/review/review-store';
import { WorkspaceReview, type ReviewTargets } from '../../../src/main/review/workspace-review';
import { samples, tempFolder } from './support/temp-folder';

/** Every journal read from its start (offset 0): the history must not need one per call. */
const reads: { offset: number; until: number | undefined }[] = [];
vi.mock('../../../src/main/review/journal-reader', async (original) => {
  const actual = await original<typeof import('../../../src/main/review/journal-reader')>();
  return {
    ...actual,
    readLines: (...args: Parameters<typeof actual.readLines>) => {
      if (args[1] === 0) reads.push({ offset: 0, until: args[4]?.until });
      return actual.readLines(...args);
    },
  };
});

const list = samples(3, 'log.csv', 'blurry');
const targets: ReviewTargets = {
  identify: async (_folderId, ids) => ids.map((id) => list.find((s) => s.id === id) ?? list[0]),
  matching: async () => new Map([['f1', list]]),
  flagValues: async () => ['blurry'],
};

describe('review.history', () => {
  it("lists one sample's changes with who, when and what they replaced, and an entry can be undone", async () => {
    const review = new WorkspaceReview({
      dataDir: await tempFolder(),
      reviewer: 'ana',
      targets,
      emit: () => {},
    });
    await review.open('f1', await tempFolder());
    const handlers = review.handlers();
    const history = handlers['review.history'];
    const sample = { folderId: 'f1', id: 'log.csv#2' };
    expect((await history(sample)).entries).toEqual([]);

    await handlers['review.edit']({ targets: { samples: [sample] }, patch: { status: 'drop' } });
    await handlers['review.edit']({
      targets: { samples: [{ folderId: 'f1', id: 'log.csv#1' }] },
      patch: { note: 'x' },
    });
    await handlers['review.edit']({
      targets: { samples: [sample] },
      patch: { reason: 'wrong', note: 'see crop' },
    });
    const { entries } = await history(sample);
    expect(entries.map((e) => e.set)).toEqual([{ status: 'drop' }, { reason: 'wrong', note: 'see crop' }]);
    expect(entries[0]).toMatchObject({ by: 'ana', was: { status: 'unreviewed' }, rowHash: 'h2' });
    expect(entries[1].was).toEqual({ resetReason: true, note: '' });
    expect(Date.parse(entries[0].at)).not.toBeNaN();

    // Undo the first entry alone: the status goes back, the later reason and note stay.
    await handlers['review.edit']({ targets: { samples: [sample] }, patch: entries[0].was ?? {} });
    const state = review.store('f1').get('log.csv#2', 'h2');
    expect(state).toMatchObject({ status: 'unreviewed', reason: 'wrong', note: 'see crop' });
    expect((await history(sample)).entries).toHaveLength(3);
    await review.closeAll();
  });
});

describe("review.history reads only the sample's own lines", () => {
  const open = (root: string) => openReview(root, { dataDir: join(root, 'data'), reviewer: 'ana' });
  const sets = async (store: ReviewService, id: string) => (await store.history(id)).map((e) => e.set);

  it('after a snapshot, with lines from another writer, and after the journal is replaced', async () => {
    const root = await tempFolder();
    const [one, two, three] = samples(3, 'log.csv', 'blurry');
    const first = await open(root);
    await first.edit([one], { status: 'drop' }, 'ana');
    await first.edit([two, one], { note: 'both' }, 'ana');
    await first.compact(); // a snapshot now covers those lines: they are indexed on first use
    await first.close();

    const store = await open(root);
    const other = await open(root); // another window or process on the same folder
    await other.edit([one], { reason: 'wrong' }, 'bo');
    await store.edit([three, one], { status: 'keep' }, 'ana');
    reads.length = 0;
    expect(await sets(store, 'log.csv#1')).toEqual([
      { status: 'drop' },
      { note: 'both' },
      { reason: 'wrong' },
      { status: 'keep' },
    ]);
    expect(await sets(store, 'log.csv#2')).toEqual([{ note: 'both' }]);
    expect(await sets(store, 'log.csv#9')).toEqual([]);
    // The snapshot's lines were scanned once (up to where it ends), never the whole journal again.
    expect(reads).toEqual([{ offset: 0, until: expect.any(Number) }]);
    reads.length = 0;
    expect(await sets(store, 'log.csv#3')).toEqual([{ status: 'keep' }]);
    expect(reads).toEqual([]);

    // Replaced under the store by one that holds other lines: the history is the new journal's.
    const journal = store.location.journal;
    const text = await readFile(journal, 'utf8');
    const kept = text.split('\n').filter((line) => line.includes('"log.csv#2"'));
    await writeFile(`${journal}.new`, kept.join('\n') + '\n');
    await rename(`${journal}.new`, journal);
    expect(await sets(store, 'log.csv#1')).toEqual([]);
    expect(await sets(store, 'log.csv#2')).toEqual([{ note: 'both' }]);
    await other.close();
    await store.close();
  });
});

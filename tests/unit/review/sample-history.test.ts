// One sample's history from the journal: its changes only, oldest first, with the values they
// replaced; undoing one entry is a new edit restoring that value (the history then shows both).
import { describe, expect, it } from 'vitest';
import { WorkspaceReview, type ReviewTargets } from '../../../src/main/review/workspace-review';
import { samples, tempFolder } from './support/temp-folder';

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

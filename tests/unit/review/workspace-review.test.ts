import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src/shared/api';
import type { SampleIdentity } from '../../../src/main/review/review-store';
import { WorkspaceReview, type ReviewTargets } from '../../../src/main/review/workspace-review';
import { samples, tempFolder } from './support/temp-folder';

const folders: Record<string, SampleIdentity[]> = {
  f1: samples(4, 'log.csv', 'blurry'),
  f2: samples(3, 'dataset1.csv', null),
};

const targets: ReviewTargets = {
  identify: async (folderId, ids) =>
    ids.map((id) => {
      const found = folders[folderId].find((s) => s.id === id);
      if (!found) throw new Error(`no sample ${id}`);
      return found;
    }),
  // The stand-in filter: every sample whose row number is even.
  matching: async () =>
    new Map(
      Object.entries(folders).map(([folderId, list]) => [folderId, list.filter((_, i) => i % 2 === 1)]),
    ),
  flagValues: async (folderId) => folders[folderId].map((s) => s.originalReason),
};

async function workspace() {
  const events: EventPayload<'reviewChanged'>[] = [];
  const data = await tempFolder();
  const review = new WorkspaceReview({
    dataDir: data,
    reviewer: 'ana',
    targets,
    emit: (e) => events.push(e),
  });
  await review.open('f1', await tempFolder());
  await review.open('f2', await tempFolder());
  return { review, events, handlers: review.handlers() };
}

describe('review across a workspace', () => {
  it('bulk-edits a filter across folders as one undo step, with events per folder', async () => {
    const { review, events, handlers } = await workspace();
    const result = await handlers['review.edit']({ targets: { filter: {} }, patch: { status: 'drop' } });
    expect(result.count).toBe(3);
    expect(review.store('f1').get('log.csv#2', 'h2')?.status).toBe('drop');
    expect(review.store('f2').get('dataset1.csv#2', 'h2')?.status).toBe('drop');
    const changed = events.flatMap((e) => e.changes.map((c) => `${c.folderId}/${c.id}:${c.review.status}`));
    expect(changed.sort()).toEqual(['f1/log.csv#2:drop', 'f1/log.csv#4:drop', 'f2/dataset1.csv#2:drop']);

    // The undo and the redo say what the step did, for the status line.
    const undone = await handlers['review.undo']({});
    expect(undone.editId).toMatch(/\+/);
    expect(undone.what).toBe('drop on 3 samples');
    expect(review.store('f1').get('log.csv#4', 'h4')?.status).toBe('unreviewed');
    expect(review.store('f2').get('dataset1.csv#2', 'h2')?.status).toBe('unreviewed');
    const redone = await handlers['review.redo']({});
    expect(redone.editId).not.toBeNull();
    expect(redone.what).toBe('drop on 3 samples');
    expect(review.store('f2').get('dataset1.csv#2', 'h2')?.status).toBe('drop');
    await review.closeAll();
  });

  it('edits explicit samples by folder and answers the options calls', async () => {
    const { review, handlers } = await workspace();
    await handlers['review.edit']({
      targets: {
        samples: [
          { folderId: 'f1', id: 'log.csv#1' },
          { folderId: 'f2', id: 'dataset1.csv#3' },
        ],
      },
      patch: { reason: 'wrong', note: 'x' },
    });
    expect(review.store('f1').get('log.csv#1', 'h1')).toMatchObject({ reason: 'wrong', note: 'x' });
    await expect(
      handlers['review.edit']({
        targets: { samples: [{ folderId: 'f9', id: 'x' }] },
        patch: { status: 'keep' },
      }),
    ).rejects.toThrow();
    const saved = await handlers['review.setOptions']({
      folderId: 'f1',
      custom: [{ value: 'dup', retired: false }],
    });
    expect(saved).toEqual({
      folderId: 'f1',
      fromLogs: ['blurry'],
      custom: [{ value: 'dup', retired: false }],
    });
    expect(await handlers['review.options']({ folderId: 'f1' })).toEqual(saved);
    expect((await handlers['review.options']({ folderId: 'f2' })).custom).toEqual([]);
    await review.closeAll();
    expect(() => review.store('f1')).toThrow(/no open folder "f1"/);
  });

  it('undoes nothing when there is nothing to undo', async () => {
    const { review, handlers } = await workspace();
    expect(await handlers['review.undo']({})).toEqual({ editId: null, what: null });
    expect(await handlers['review.redo']({})).toEqual({ editId: null, what: null });
    await review.closeAll();
  });
});

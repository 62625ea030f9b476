// Properties of folding and undo, over random edit sequences.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewPatch } from '../../../src/shared/api';
import { FoldedState, toReviewState } from '../../../src/main/review/fold';
import type { JournalLine } from '../../../src/main/review/journal-line';
import { openReview } from '../../../src/main/review/open-review';
import { samples, tempFolder } from './support/temp-folder';

const status = fc.constantFrom('unreviewed', 'keep', 'drop', 'unsure') as fc.Arbitrary<'keep'>;
const patch: fc.Arbitrary<ReviewPatch> = fc
  .record(
    {
      reason: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
      resetReason: fc.constant(true),
      status,
      note: fc.constantFrom('', 'x', 'y'),
    },
    { requiredKeys: [] },
  )
  .filter((p) => Object.keys(p).length > 0 && !(p.resetReason && 'reason' in p));

describe('review properties', () => {
  it('folds lines with distinct times to the same state in any order (last writer wins by time)', () => {
    const line = fc.record({
      sample: fc.constantFrom('log.csv#1', 'log.csv#2'),
      status,
      note: fc.constantFrom('n1', 'n2'),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (specs, seeds) => {
          const lines: JournalLine[] = specs.map((spec, i) => ({
            v: 1,
            edit: `e${i}`,
            sample: spec.sample,
            rowHash: 'h',
            set: { status: spec.status, note: spec.note },
            at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
            by: 'x',
          }));
          const shuffled = [...lines].sort(() => (seeds.next().value % 3) - 1);
          const inOrder = new FoldedState();
          const anyOrder = new FoldedState();
          lines.forEach((l) => inOrder.apply(l));
          shuffled.forEach((l) => anyOrder.apply(l));
          for (const id of ['log.csv#1', 'log.csv#2']) {
            const a = inOrder.get(id, 'h');
            const b = anyOrder.get(id, 'h');
            expect(b && toReviewState(b)).toEqual(a && toReviewState(a));
          }
        },
      ),
    );
  });

  it('undoing every step restores the start, and redoing them all restores the end', async () => {
    const root = await tempFolder();
    const store = await openReview(root, { dataDir: join(root, 'data'), reviewer: 'ana' });
    const pool = samples(3);
    const snapshot = () => pool.map((s) => store.get(s.id, s.rowHash));
    const normal = (states: ReturnType<typeof snapshot>) =>
      states.map((r) => ({ reason: r?.reason, status: r?.status ?? 'unreviewed', note: r?.note ?? '' }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ targets: fc.subarray(pool, { minLength: 1 }), patch }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (steps) => {
          const start = normal(snapshot());
          for (const step of steps) await store.edit(step.targets, step.patch, 'ana');
          const end = normal(snapshot());
          for (let i = 0; i < steps.length; i += 1) await store.undo('ana');
          expect(normal(snapshot())).toEqual(start);
          for (let i = 0; i < steps.length; i += 1) await store.redo('ana');
          expect(normal(snapshot())).toEqual(end);
        },
      ),
      { numRuns: 40 },
    );
    await store.close();
  });
});

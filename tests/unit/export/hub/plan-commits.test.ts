// How a layout is split into commits: ≤ 100 files each, the advertising files (metadata, card)
// and deletions always in the last one; Parquet in one.
import { describe, expect, it } from 'vitest';
import { planCommits } from '../../../../src/main/export/hub/plan-commits';

const files = (n: number, dir = 'data/train/images') =>
  Array.from({ length: n }, (_, i) => ({ path: `${dir}/${i}.png` }));
const META = [{ path: 'data/train/metadata.jsonl' }, { path: 'README.md' }];

describe('planCommits', () => {
  it('puts the metadata and card in the last commit, after every media file', () => {
    const plans = planCommits([...META, ...files(250)], ['data/train/images/old.png'], {
      singleCommit: false,
    });
    expect(plans.map((p) => p.uploads.length)).toEqual([100, 100, 52]);
    expect(plans.at(-1)!.uploads.slice(-2)).toEqual(META);
    expect(plans.at(-1)!.deletions).toEqual(['data/train/images/old.png']);
    for (const plan of plans.slice(0, -1)) expect(plan.deletions).toEqual([]);
  });

  it('gives the advertising files a commit of their own when the last media commit is full', () => {
    const plans = planCommits([...files(100), ...META], [], { singleCommit: false });
    expect(plans.map((p) => p.uploads.length)).toEqual([100, 2]);
    expect(plans[1].uploads).toEqual(META);
  });

  it('makes one commit for Parquet, and none when nothing changed', () => {
    expect(planCommits([...files(300, 'data'), ...META], [], { singleCommit: true })).toHaveLength(1);
    expect(planCommits([], [], { singleCommit: true })).toEqual([]);
    expect(planCommits([], [], { singleCommit: false })).toEqual([]);
  });
});

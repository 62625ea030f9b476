import { describe, expect, it } from 'vitest';
import { AssetTally } from '../../../../src/main/cli/inspect/asset-tally';
import { refHash } from '../../../../src/main/scan/asset-cells';

const hashOf = (ref: string) => refHash(Buffer.from(ref), 0, Buffer.byteLength(ref));
const sortedHashes = (refs: string[]) => Float64Array.from(refs.map(hashOf)).sort();

describe('AssetTally', () => {
  it('counts each missing reference once across the scan ranges, the reader and a kept census', () => {
    const tally = AssetTally.of({
      resolved: [],
      outside: new Float64Array(0),
      missing: sortedHashes(['a.png']),
    });
    // Two scan ranges (sorted, with repeats and a reference in both), then the reader's own.
    tally.addMissing(sortedHashes(['b.png', 'c.png', 'c.png', 'a.png']));
    tally.addMissing(sortedHashes(['c.png', 'd.png']));
    tally.add({ ref: 'e.png', status: 'missing', media: 'image' });
    tally.add({ ref: 'b.png', status: 'missing', media: 'image' });
    tally.add({ ref: 'f.png', status: 'outside', media: 'image' });
    expect(tally.counts()).toEqual({ resolved: 0, missing: 5, outside: 1 });
    const { missing } = tally.sets();
    expect([...missing]).toEqual([...sortedHashes(['a.png', 'b.png', 'c.png', 'd.png', 'e.png'])]);
  });

  it('sorts a list that does not come sorted', () => {
    const tally = new AssetTally();
    const hashes = ['x.wav', 'y.wav', 'z.wav', 'x.wav'].map(hashOf);
    tally.addMissing(Float64Array.from(hashes.sort((p, q) => q - p)));
    tally.addMissing(Float64Array.from([hashOf('w.wav')]));
    expect(tally.counts().missing).toBe(4);
    const { missing } = tally.sets();
    expect([...missing]).toEqual([...missing].sort((p, q) => p - q));
  });
});

import { describe, expect, it } from 'vitest';
import { AssetTally } from '../../../../src/main/cli/inspect/asset-tally';
import { refHash } from '../../../../src/main/scan/ref-hash';

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

  it("counts two threads' half-million missing references, those both met once", () => {
    const refs = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `flagged/image/${from + i}/img.png`);
    const tally = new AssetTally();
    tally.addMissing(sortedHashes(refs(0, 500_000)));
    tally.addMissing(sortedHashes(refs(450_000, 950_000)));
    expect(tally.counts().missing).toBe(950_000);
    const { missing } = tally.sets();
    expect(missing.length).toBe(950_000);
    expect(missing.every((hash, i) => i === 0 || hash > missing[i - 1])).toBe(true);
  });

  it('counts lists too crowded for the WebAssembly merge, repeats within and between them once', () => {
    // Small consecutive numbers all fall in one slice of the hash range: the JS merge takes them.
    const run = (from: number, to: number) => Float64Array.from({ length: to - from }, (_, i) => from + i);
    const tally = new AssetTally();
    tally.addMissing(Float64Array.from([...run(0, 150_000), ...run(100_000, 150_000)]).sort());
    tally.addMissing(run(120_000, 300_000));
    expect(tally.counts().missing).toBe(300_000);
    const { missing } = tally.sets();
    expect(missing.length).toBe(300_000);
    expect(missing.every((hash, i) => hash === i)).toBe(true);
  });

  it('counts again after more references come, in the tally or in a folder that absorbed it', () => {
    const log = new AssetTally();
    log.addMissing(sortedHashes(['a.png', 'b.png']));
    log.addMissing(sortedHashes(['b.png', 'c.png']));
    expect(log.counts().missing).toBe(3);
    const folder = new AssetTally();
    folder.absorb(log);
    expect(folder.counts().missing).toBe(3);
    // A repeat and a new reference after the counts: the list counted before is not taken as is.
    log.addMissing(sortedHashes(['c.png', 'd.png']));
    expect(log.counts().missing).toBe(4);
    folder.add({ ref: 'a.png', status: 'missing', media: 'image' });
    folder.add({ ref: 'e.png', status: 'missing', media: 'image' });
    expect(folder.counts().missing).toBe(4);
    const other = new AssetTally();
    other.addMissing(sortedHashes(['e.png', 'f.png']));
    other.counts();
    folder.absorb(other);
    expect(folder.counts().missing).toBe(5);
  });
});

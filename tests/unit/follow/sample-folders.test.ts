import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSampleFolder, isSettledSample, SettlingSamples } from '../../../src/main/follow/sample-folders';
import { until } from '../../support/until';

afterEach(() => vi.restoreAllMocks());

const UUID = '0f8e2b1c-1111-4222-8333-000000000001';

/** A sample folder whose metadata.jsonl was written `ageMs` ago (none with `ageMs` null). */
function sample(ageMs: number | null, name = UUID): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'flagdeck-sample-')), name);
  mkdirSync(dir);
  if (ageMs === null) return dir;
  writeFileSync(join(dir, 'metadata.jsonl'), '{"text":"a"}');
  const then = new Date(Date.now() - ageMs);
  utimesSync(join(dir, 'metadata.jsonl'), then, then);
  return dir;
}

describe("the HF saver's sample folders", () => {
  it('are told by their uuid name', () => {
    expect(isSampleFolder(`/data/${UUID}`)).toBe(true);
    expect(isSampleFolder(`/data/${UUID.toUpperCase()}`)).toBe(true);
    expect(isSampleFolder('/data/flagged')).toBe(false);
    expect(isSampleFolder('/data/0f8e2b1c-1111-4222-8333')).toBe(false);
  });

  it('are settled once their log has been left alone long enough', () => {
    expect(isSettledSample(sample(60_000), 10_000)).toBe(true);
    expect(isSettledSample(sample(0), 10_000)).toBe(false);
    expect(isSettledSample(sample(null), 10_000)).toBe(false);
    expect(isSettledSample(sample(60_000, 'flagged'), 10_000)).toBe(false);
  });

  it('are looked at once when settled, however often chokidar asks', () => {
    const samples = new SettlingSamples(10_000, () => undefined);
    const dir = sample(60_000);
    const stat = vi.spyOn(fs, 'statSync');
    for (let i = 0; i < 5; i++) expect(samples.settled(dir)).toBe(true);
    expect(stat).toHaveBeenCalledTimes(1);
  });

  it('are told settled once, when a young one has been left alone', async () => {
    const settled: string[] = [];
    const samples = new SettlingSamples(150, (dir) => settled.push(dir));
    const dir = sample(0);
    samples.young(dir);
    samples.young(dir);
    await until(() => settled.length > 0, 'the young sample to settle');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(settled).toEqual([dir]);
    samples.stop();
  });
});

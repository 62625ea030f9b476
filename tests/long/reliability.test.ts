// The long reliability runs (`npm run test:long`; `npm test` runs them too, counted in its closing
// line): the unit suite's journal and scanner checks at the sizes trusted systems test at.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, type Bundle } from '../unit/review/support/bundle';
import { killTrials } from '../unit/review/support/kill-trials';
import { relabelWhileAppending } from '../unit/review/support/relabel-while-appending';
import { agreesOnRandomCsv } from '../unit/scan/support/agreement';

let child: Bundle;

beforeAll(async () => {
  child = await bundle(join(import.meta.dirname, '../unit/review/support/relabel-child.ts'));
});
afterAll(() => child.remove());

describe('reliability, long runs', () => {
  it('relabels while a Gradio-style appender writes 100,000 rows: log byte-identical, every edit journaled', async () => {
    const { edits } = await relabelWhileAppending(100_000, 1000);
    expect(edits).toBeGreaterThanOrEqual(1000);
  });

  it('keeps every acknowledged edit over 100 SIGKILL trials', async () => {
    await killTrials(child.file, 100);
  });

  it('the byte scanner agrees with the reader on 10,000 random CSV files (fast-check)', async () => {
    await agreesOnRandomCsv(10_000);
  });
});

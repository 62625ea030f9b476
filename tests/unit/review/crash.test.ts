// Every edit the API acknowledged survives a SIGKILL at a random moment.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReview } from '../../../src/main/review/open-review';
import { bundle, type Bundle } from './support/bundle';
import { runChild } from './support/child';
import { tempFolder } from './support/temp-folder';

const TRIALS = 12;
let child: Bundle;

beforeAll(async () => {
  child = await bundle(join(import.meta.dirname, 'support/relabel-child.ts'));
});
afterAll(() => child.remove());

describe('crash safety', () => {
  it(`keeps every acknowledged edit when writers are killed (${TRIALS} trials, one folder)`, async () => {
    const root = await tempFolder();
    const acked = new Map<string, number[]>();
    // Trials run three at a time on the one journal, so kills also land amid other writers' appends.
    for (let round = 0; round < TRIALS / 3; round += 1) {
      await Promise.all(
        [1, 2, 3].map(async (k) => {
          const tag = `t${round * 3 + k}`;
          const run = runChild(child.file, [root, tag, '100000', '5']);
          await run.printed('ack 1');
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 120));
          run.process.kill('SIGKILL');
          const { signal } = await run.exited;
          expect(signal).toBe('SIGKILL');
          acked.set(tag, [...run.acks]);
        }),
      );
    }

    const store = await openReview(root, { dataDir: join(root, 'data'), reviewer: 'checker' });
    let checked = 0;
    for (const [tag, numbers] of acked) {
      expect(numbers.length).toBeGreaterThan(0);
      for (const n of numbers) {
        const size = n % 5 === 0 ? 50 : 1;
        for (let k = 0; k < size; k += 1) {
          const state = store.get(`log.csv#${tag}-${n}-${k}`, `${tag}-${n}-${k}`);
          expect(state?.reason, `${tag} edit ${n} sample ${k}`).toBe(`${tag}-${n}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(TRIALS);
    // Whatever the kills left behind, every complete line is a valid journal line.
    const text = await readFile(store.location.journal, 'utf8');
    const bad = store.warnings().filter((w) => !/incomplete last line|not JSON/.test(w));
    expect(bad).toEqual([]);
    expect(text.length).toBeGreaterThan(0);
    await store.close();
  });
});

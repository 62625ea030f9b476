// Writers relabeling through the review API are SIGKILLed at random moments, three at a time on
// one journal (so kills also land amid other writers' appends); then every edit a writer had
// acknowledged must be in the reopened journal. Shared by the unit suite and the long suite.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openReview } from '../../../../src/main/review/open-review';
import { runChild } from './child';
import { tempFolder } from './temp-folder';

/** `child`: the bundled relabel-child script. Resolves to the number of samples checked. */
export async function killTrials(child: string, trials: number): Promise<number> {
  const root = await tempFolder();
  const acked = new Map<string, number[]>();
  for (let round = 0; round < trials / 3; round += 1) {
    const parallel = Math.min(3, trials - round * 3);
    await Promise.all(
      Array.from({ length: parallel }, async (_, k) => {
        const tag = `t${round * 3 + k + 1}`;
        const run = runChild(child, [root, tag, '100000', '5']);
        await run.printed('ack 1');
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 120));
        run.process.kill('SIGKILL');
        const { signal } = await run.exited;
        expect(signal).toBe('SIGKILL');
        acked.set(tag, [...run.acks]);
      }),
    );
  }
  expect(acked.size).toBe(trials);

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
  expect(checked).toBeGreaterThan(trials);
  // Whatever the kills left behind, every complete line is a valid journal line.
  const text = await readFile(store.location.journal, 'utf8');
  const bad = store.warnings().filter((w) => !/incomplete last line|not JSON/.test(w));
  expect(bad).toEqual([]);
  expect(text.length).toBeGreaterThan(0);
  await store.close();
  return checked;
}

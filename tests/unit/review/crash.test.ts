// Every edit the API acknowledged survives a SIGKILL at a random moment. (The long suite runs 100
// trials.)
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { bundle, type Bundle } from './support/bundle';
import { killTrials } from './support/kill-trials';

const TRIALS = 12;
let child: Bundle;

beforeAll(async () => {
  child = await bundle(join(import.meta.dirname, 'support/relabel-child.ts'));
});
afterAll(() => child.remove());

describe('crash safety', () => {
  it(`keeps every acknowledged edit when writers are killed (${TRIALS} trials, one folder)`, async () => {
    await killTrials(child.file, TRIALS);
  });
});

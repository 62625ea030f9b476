import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, type Bundle } from '../review/support/bundle';

let child: Bundle;

beforeAll(async () => {
  child = await bundle(join(__dirname, 'support/young-generation-child.ts'));
});
afterAll(() => child.remove());

function sizes(mode: 'hold' | 'leave'): { start: number; afterObjects: number; afterWorker: number } {
  const out = execFileSync(process.execPath, [child.file, mode], { encoding: 'utf8' });
  const result = JSON.parse(out) as {
    start: number;
    afterObjects: number;
    afterWorker: number;
    answer: number;
  };
  expect(result.answer).toBe(42);
  return result;
}

describe("the process's young generation", () => {
  it('left alone, grows under objects that survive scavenges (what the hold prevents)', () => {
    const { start, afterObjects } = sizes('leave');
    expect(afterObjects).toBeGreaterThanOrEqual(start * 8);
  });

  it('held, stays at its starting size, also after a query worker thread booted', () => {
    // Node 20 resets V8's flags while a worker boots: function-worker.ts sets it again. The
    // starting size: one semispace committed at start, both once a scavenge has run.
    for (let round = 0; round < 3; round++) {
      const { start, afterObjects, afterWorker } = sizes('hold');
      expect(afterObjects).toBeLessThanOrEqual(start * 2);
      expect(afterWorker).toBeLessThanOrEqual(start * 2);
    }
  });
});

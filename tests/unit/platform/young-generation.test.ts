import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_BYTES } from '../../../src/main/platform/young-generation';
import { bundle, type Bundle } from '../review/support/bundle';

let child: Bundle;

beforeAll(async () => {
  child = await bundle(join(__dirname, 'support/young-generation-child.ts'));
});
afterAll(() => child.remove());

interface Sizes {
  reached: number;
  afterQueries: number;
  afterWorker: number;
}

function sizes(...args: string[]): Sizes {
  return JSON.parse(execFileSync(process.execPath, [child.file, ...args], { encoding: 'utf8' })) as Sizes;
}

// V8 grows the young generation by doubling it; held, it keeps its size, give or take a page: one
// clean-clone run under Node 24 saw 17,825,792 bytes against 16,777,216 reached (1 of about 70).
// So "held" is less than twice the size reached, and "grows" is twice it or more.
const grown = (reached: number): number => 2 * reached;

describe("the process's young generation", () => {
  it('left alone, grows on past the held size under objects that survive scavenges', () => {
    const { reached, afterQueries } = sizes('leave');
    expect(afterQueries).toBeGreaterThanOrEqual(grown(Math.max(HELD_BYTES, reached)));
  });

  it('held where each query starts, grows to the held size and no further', () => {
    const { reached, afterQueries } = sizes('hold');
    expect(reached).toBeGreaterThanOrEqual(HELD_BYTES);
    expect(afterQueries).toBeLessThan(grown(reached));
  });

  // Node 20 resets V8's flags while a worker thread boots and goes: the child resets them as it does.
  it.each(['online', 'message', 'exit'])('is held again when a worker emits "%s"', (event) => {
    const { reached, afterWorker } = sizes('after', event);
    expect(afterWorker).toBeLessThan(grown(reached));
  });

  it('grows again after such a reset when nothing holds it (what the worker hold prevents)', () => {
    const { reached, afterWorker } = sizes('after', 'none');
    expect(afterWorker).toBeGreaterThanOrEqual(grown(reached));
  });
});

import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../src/main/platform/limit';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createLimiter', () => {
  it('never runs more than `max` tasks at once and runs them all', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick(i % 3);
          running -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot when a task fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('createLimiter with thousands waiting', () => {
  it('runs them in the order they came, past the point where the queue drops its taken front', async () => {
    const limit = createLimiter(3);
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 5000 }, (_, i) =>
        limit(async () => {
          order.push(i);
          if (i % 7 === 0) await tick(0);
        }),
      ),
    );
    // The first three start at once; after them each waiter runs in its turn.
    expect(order.slice(3)).toEqual(Array.from({ length: 4997 }, (_, i) => i + 3));
    expect([...order.slice(0, 3)].sort((a, b) => a - b)).toEqual([0, 1, 2]);
    // Still a limit after the queue emptied.
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limit(async () => {
          peak = Math.max(peak, ++running);
          await tick(1);
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});

// A log written in time order is ordered by time without sorting: the order read off it must be
// the one the radix sort gives (ties in row order both ways, missing times as +Infinity), and a log
// out of time order must be left to the sort.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderOfKeys } from '../../../src/main/query/sort-refs';
import { timeOrderIfSorted } from '../../../src/main/query/time-order';

const logOf = (times: number[]) => ({ log: { count: times.length, timestamps: new Float64Array(times) } });
/** The keys a sort on times uses (sort-order.ts fieldKeys): a missing time as +Infinity. */
const keysOf = (times: number[]) =>
  new Float64Array(times.map((time) => (Number.isNaN(time) ? Infinity : time)));

// Few distinct times, so that ties and runs are common; NaN, -0 and Infinity among them.
const time = fc.constantFrom(NaN, -0, 0, 1, 2, 2.5, 1e12, Infinity, -5);

describe('timeOrderIfSorted', () => {
  it('gives the sorted order of logs in time order, both ways, one log after another (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(time, { maxLength: 12 }), { maxLength: 4 }),
        fc.boolean(),
        (parts, desc) => {
          const all = parts.flat().map((t) => (Number.isNaN(t) ? Infinity : t));
          const sorted = [...all].sort((a, b) => a - b);
          // Lay the sorted times out over the logs as the parts' lengths say.
          let at = 0;
          const logs = parts.map((part) => logOf(part.map(() => sorted[at++])));
          const flat = logs.flatMap(({ log }) => [...log.timestamps]);
          const order = timeOrderIfSorted(logs, flat.length, desc);
          expect(order).not.toBeNull();
          expect([...(order ?? [])]).toEqual([...orderOfKeys(keysOf(flat), desc)]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads missing times (NaN) as the latest, like the sort', () => {
    const logs = [logOf([1, 2, NaN, NaN])];
    expect([...(timeOrderIfSorted(logs, 4, true) ?? [])]).toEqual([2, 3, 1, 0]);
    expect(timeOrderIfSorted([logOf([1, NaN, 2])], 3, false)).toBeNull();
  });

  it('leaves rows out of time order to the sort, also across logs (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(time, { minLength: 2, maxLength: 20 }), fc.boolean(), (times, desc) => {
        const keys = keysOf(times);
        const ordered = keys.every((key, i) => i === 0 || keys[i - 1] <= key);
        const cut = Math.floor(times.length / 2);
        const logs = [logOf(times.slice(0, cut)), logOf(times.slice(cut))];
        expect(timeOrderIfSorted(logs, times.length, desc) === null).toBe(!ordered);
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { queueCounter, scanQueued } from '../../../src/main/scan/scan-queue';

describe('scanQueued', () => {
  it('gives the front thread the first job and the back thread the last, when both start together', () => {
    const jobs = ['first', 'second'];
    const taken = queueCounter();
    let back: [number, string][] = [];
    // While the front thread scans its first job, the back thread takes what is left.
    const front = scanQueued(jobs, taken, false, (job) => {
      back = scanQueued(jobs, taken, true, (later) => later.toUpperCase());
      return job.toUpperCase();
    });
    expect(front).toEqual([[0, 'FIRST']]);
    expect(back).toEqual([[1, 'SECOND']]);
  });

  it('gives every job to exactly one thread, the one that is ready taking the rest', () => {
    const jobs = ['a', 'b', 'c', 'd', 'e'];
    const taken = queueCounter();
    let back: [number, string][] = [];
    const front = scanQueued(jobs, taken, false, (job) => {
      if (job === 'b') back = scanQueued(jobs, taken, true, (later) => later.toUpperCase());
      return job.toUpperCase();
    });
    expect(front).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
    expect(back).toEqual([
      [4, 'E'],
      [3, 'D'],
      [2, 'C'],
    ]);
  });

  it('finds nothing left once another thread took every job', () => {
    const taken = queueCounter();
    expect(scanQueued([1, 2], taken, true, (job) => job * 10)).toEqual([
      [1, 20],
      [0, 10],
    ]);
    expect(scanQueued([1, 2], taken, false, (job) => job)).toEqual([]);
  });

  it('counts in memory a worker can share', () => {
    expect(queueCounter().buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

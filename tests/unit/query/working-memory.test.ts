// Working memory is zeroed for each job, mapped on its own when large, and really given back: a
// released working set does not outlive the job that used it.
import { describe, expect, it } from 'vitest';
import { acquireWorking } from '../../../src/main/query/working-memory';
import { MMAPPED_BYTES } from '../../../src/main/query/mapped-arrays';
import { collectGarbage } from '../../../src/main/query/collect-garbage';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('acquireWorking', () => {
  it('gives zeroed memory each time, even where a previous job wrote', () => {
    const first = acquireWorking(4096);
    new Uint8Array(first.buffer).fill(7);
    first.release();
    const second = acquireWorking(4096);
    expect(new Uint8Array(second.buffer).every((byte) => byte === 0)).toBe(true);
    second.release();
  });

  it('allocates a large working set past the size glibc maps on its own', () => {
    const working = acquireWorking(2 * 1024 * 1024);
    expect(working.buffer.byteLength).toBeGreaterThanOrEqual(MMAPPED_BYTES);
    working.release();
    expect(() => working.buffer).toThrow(/after its release/);
  });

  it('is freed by collectGarbage once released and the job has returned', async () => {
    // Acquired in a frame of its own, as a job does, so that no local here holds the memory.
    const gone = ((): WeakRef<SharedArrayBuffer> => {
      const working = acquireWorking(2 * 1024 * 1024);
      const ref = new WeakRef(working.buffer);
      working.release();
      return ref;
    })();
    await nextTask();
    collectGarbage();
    expect(gone.deref()).toBeUndefined();
  });
});

// The query engine's worker: one kept between jobs (each program loaded once, in its own scope),
// another for a job that comes while it is busy, a failing job reported without losing the next,
// and an idle worker never holding a process open.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../../src/main/query/function-worker';
import { bundle, type Bundle } from '../review/support/bundle';

/** Counts its calls in the worker that runs it: the count tells which worker and scope ran a job. */
const COUNTING = 'let calls = 0;\nconst run = (job) => ({ calls: ++calls, job });';
/** Busy for `job.ms`, then says how many jobs its scope has run. */
const BUSY =
  'let calls = 0;\nconst run = (job) => { const end = Date.now() + job.ms; while (Date.now() < end); return ++calls; };';

const run = async <T>(program: string, job: unknown): Promise<T> =>
  (await startWorker<T>(program, job, [])).done;

let child: Bundle;
beforeAll(async () => {
  child = await bundle(join(__dirname, 'support/kept-worker-child.ts'));
});
afterAll(() => child.remove());

describe('the query worker', () => {
  it('runs jobs one after another in one kept worker, each program loaded once in a scope of its own', async () => {
    expect(await run(COUNTING, 'a')).toEqual({ calls: 1, job: 'a' });
    expect(await run(COUNTING, 'b')).toEqual({ calls: 2, job: 'b' });
    // The same names in another program: its own scope, its own count.
    expect(await run(`${COUNTING}\nconst other = 1;`, 'c')).toEqual({ calls: 1, job: 'c' });
    expect(await run(COUNTING, 'd')).toEqual({ calls: 3, job: 'd' });
  });

  it('gives a job that comes while the kept worker is busy a worker of its own', async () => {
    const [first, second] = await Promise.all([run<number>(BUSY, { ms: 300 }), run<number>(BUSY, { ms: 0 })]);
    expect(first).toBe(1);
    expect(second).toBe(1);
    // The kept one goes on with its scope.
    expect(await run<number>(BUSY, { ms: 0 })).toBe(2);
  });

  it("rejects a job whose program throws, with the worker's message, and runs the next one", async () => {
    const failing =
      'const run = (job) => { if (job.fail) throw new Error("no " + job.name); return job.name; };';
    await expect(run(failing, { fail: true, name: 'x' })).rejects.toThrow('no x');
    expect(await run(failing, { fail: false, name: 'y' })).toBe('y');
  });

  it('lets a process exit once its work is done, the kept worker idle', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [child.file], { encoding: 'utf8', timeout: 10_000 });
    expect(result.stdout).toBe('42\n');
    expect(result.status).toBe(0);
    // Well before the idle worker would end by itself (KEPT_WORKER_IDLE_MS).
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

// A scan worker is started before its job is known (it boots while the sample is read): one whose
// job never comes must be stopped, or the process would never exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScanWorker, thisThread } from '../../../src/main/log-index/scan-threads';
import { scanOne } from './support/scan-one';
import type { ScanJob } from '../../../src/main/scan/scan-job';
import { bundle, type Bundle } from '../review/support/bundle';

let child: Bundle;

beforeAll(async () => {
  child = await bundle(join(__dirname, 'support/cancelled-worker-child.ts'));
});
afterAll(() => child.remove());

/** Whether a child that starts a scan worker (and cancels it with `cancel`) exits within 5 s. */
function exitsAlone(path: string, ...args: string[]): boolean {
  const run = spawnSync(process.execPath, [child.file, path, ...args], { encoding: 'utf8', timeout: 5000 });
  expect(run.stdout).toBe('started\n');
  return run.status === 0 && run.signal === null;
}

function log(): { path: string; job: Omit<ScanJob, 'fd'> } {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-threads-')), 'log.csv');
  const text = 'a,1\nb,2\n"c\nd",3\n';
  writeFileSync(path, text);
  const job = { quote: 34, newline: 10 as const, from: 0, to: text.length, final: true, state: { line: 1 } };
  return { path, job: { ...job, roles: {}, chunkBytes: 1024 } };
}

describe('scan threads', () => {
  it('a worker and this thread scan a range alike', async () => {
    const { path, job } = log();
    const [there, here] = await Promise.all([
      scanOne(startScanWorker(path), job),
      scanOne(thisThread(path), job),
    ]);
    expect(here.count).toBe(3);
    expect([...there.starts.subarray(0, 3)]).toEqual([...here.starts.subarray(0, 3)]);
    expect([...there.lines.subarray(0, 3)]).toEqual([1, 2, 3]);
  });

  it('stops a worker whose job never comes (else the process never exits)', () => {
    const { path } = log();
    expect(exitsAlone(path)).toBe(false);
    expect(exitsAlone(path, 'cancel')).toBe(true);
  });

  it('refuses a job once cancelled', async () => {
    const { path, job } = log();
    const thread = startScanWorker(path);
    thread.cancel();
    await expect(scanOne(thread, job)).rejects.toThrow('cancelled');
  });
});

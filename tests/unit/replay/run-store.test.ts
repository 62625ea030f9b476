// results.jsonl survives a crash: a torn last line is ignored, every complete line kept; a sample
// replayed again (a resumed run) keeps its last result.
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOutcomes, newRunId, readResult, RunStore } from '../../../src/main/replay/run-store';
import type { ReplayResult } from '../../../src/shared/replay';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'flagdeck-run-store-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

const result = (id: string, outcome: ReplayResult['outcome']): ReplayResult => ({
  id,
  rowHash: 'abc',
  outcome,
  outputs: [],
  durationMs: 3,
  at: '2026-12-02T12:00:00.000Z',
});

describe('replay run store', () => {
  it('keeps every complete result and ignores a torn last line', async () => {
    const run = newRunId();
    const store = await RunStore.create(dir, {
      run,
      folder: '/f',
      app: 'http://127.0.0.1:1/',
      endpoint: '/predict',
      gradioVersion: null,
      mapping: { inputs: {}, outputs: {} },
      samples: ['log.csv#1', 'log.csv#2', 'log.csv#3'],
      concurrency: 4,
      startedAt: '2026-12-02T12:00:00.000Z',
      endedAt: null,
      state: 'running',
    });
    await store.append(result('log.csv#1', 'same'));
    await store.append(result('log.csv#2', 'error'));
    await appendFile(join(store.dir, 'results.jsonl'), '{"id":"log.csv#3","rowHash":"a');
    const reopened = await RunStore.open(dir, run);
    expect((await reopened.results()).map((r) => r.id)).toEqual(['log.csv#1', 'log.csv#2']);
    expect(reopened.run.samples).toHaveLength(3);
    await reopened.append(result('log.csv#2', 'changed'));
    const results = await reopened.results();
    expect(countOutcomes(results)).toEqual({ replayed: 2, same: 1, changed: 1, errors: 0, skipped: 0 });
    // One sample alone (the detail pane): its last result; the torn one and an absent one: none.
    expect((await readResult(reopened.dir, 'log.csv#2'))?.outcome).toBe('changed');
    expect((await readResult(reopened.dir, 'log.csv#1'))?.outcome).toBe('same');
    expect(await readResult(reopened.dir, 'log.csv#3')).toBeUndefined();
    expect(await readResult(reopened.dir, 'log.csv#9')).toBeUndefined();
  });

  it('refuses a run id that could leave the replays folder', async () => {
    await expect(RunStore.open(dir, '../journal')).rejects.toThrow('"../journal" is not a replay run id');
  });
});

// The per-call timeout, against real Gradio apps: Gradio 6 has no time limit of its own for an
// ordinary (non-streaming) event and @gradio/client 2.7 waits for an answer forever, so a hung app
// would hang a run. Each call is bounded by --timeout (time in the app's queue included): a call
// that runs out is cancelled at the app and retried with backoff; a sample that keeps timing out is
// recorded as its own error and the run goes on; cancel still ends a run within a second.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkspaceForExport } from '../../../src/main/cli/open-workspace';
import { ReplayService } from '../../../src/main/replay/replay-service';
import { gradioPython, NO_GRADIO, startApps, type RunningApps } from '../../support/gradio-apps';
import { runReplay, storedRun } from './support';

let base: string;
let stalling: RunningApps;
let hung: RunningApps;

beforeAll(async () => {
  if (!gradioPython) return;
  base = await mkdtemp(join(tmpdir(), 'flagdeck-replay-timeout-'));
  vi.stubEnv('XDG_DATA_HOME', join(base, 'data'));
  // One process flags the text samples (version 1), then serves version 2 whose first call for each
  // input sleeps 5 s; the other answers every call after 3 s.
  [stalling, hung] = await Promise.all([
    startApps({ apps: ['text'], flagInto: base, stallFirst: 5 }),
    startApps({ apps: ['text'], delay: 3 }),
  ]);
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([stalling?.stop(), hung?.stop()]);
  if (base) await rm(base, { recursive: true, force: true });
});

async function withService<T>(use: (service: ReplayService, folderId: string) => Promise<T>): Promise<T> {
  const { ws, close } = await openWorkspaceForExport([join(base, 'text')], join(base, 'data'));
  try {
    return await use(new ReplayService(ws, join(base, 'data')), ws.info().folders[0]?.id ?? '');
  } finally {
    await close();
  }
}

describe.skipIf(!gradioPython)(
  `replay: per-call timeout (${gradioPython ? 'real Gradio' : NO_GRADIO})`,
  () => {
    it('retries a call that times out, and the retry gets the answer', async () => {
      const started = performance.now();
      const report = await withService((service, folderId) =>
        service.start({
          folderId,
          app: stalling.apps.text ?? '',
          concurrency: 2,
          timeoutSeconds: 1,
          retry: { attempts: 3, firstDelayMs: 100 },
        }),
      );
      expect(report).toMatchObject({
        state: 'finished',
        counts: { replayed: 5, same: 3, changed: 2, errors: 0, skipped: 0 },
      });
      // Without the timeout each sample would have waited the app's 5 s stall.
      expect(performance.now() - started).toBeLessThan(5 * 5000);
      const run = await storedRun(join(base, 'text'), report.run);
      expect(run.info.timeoutSeconds).toBe(1);
      for (const result of run.results.values()) {
        expect(result.retries).toBeGreaterThanOrEqual(1);
        expect(result.durationMs).toBeLessThan(5000);
      }
    }, 120_000);

    it('records a sample that keeps timing out as an error saying so, and finishes the run (CLI --timeout)', async () => {
      const folder = join(base, 'text');
      const { code, out, err } = await runReplay([
        folder,
        '--app',
        hung.apps.text ?? '',
        '--timeout',
        '0.5',
        '--concurrency',
        '5',
        '--json',
      ]);
      expect(err).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(out) as { run: string };
      expect(json).toMatchObject({ replayed: 5, same: 0, changed: 0, errors: 5, state: 'finished' });
      const run = await storedRun(folder, json.run);
      expect(run.info.timeoutSeconds).toBe(0.5);
      for (const result of run.results.values()) {
        expect(result).toMatchObject({
          outcome: 'error',
          error: 'timed out: no answer within 0.5 s (4 attempts)',
          retries: 3,
        });
      }
    }, 120_000);

    it('refuses a --timeout that is not a number of seconds above 0', async () => {
      // A usage error: the command line's entry point prints it with the usage (exit 2).
      for (const given of ['0', 'soon', '-3']) {
        await expect(
          runReplay([join(base, 'text'), '--app', 'http://127.0.0.1:1', `--timeout=${given}`]),
        ).rejects.toThrow(`--timeout must be a number of seconds above 0 (got "${given}")`);
      }
    });

    it('cancels within a second while a timed-out call waits for its retry', async () => {
      await withService(async (service, folderId) => {
        const cancel = new AbortController();
        let cancelledAt = 0;
        const report = await service.start(
          {
            folderId,
            app: hung.apps.text ?? '',
            concurrency: 1,
            timeoutSeconds: 0.5,
            retry: { attempts: 5, firstDelayMs: 5000 },
          },
          {
            signal: cancel.signal,
            // The first call times out at 0.5 s; at 1.5 s the run is waiting 5 s to retry it.
            onStart: () =>
              setTimeout(() => {
                cancelledAt = performance.now();
                cancel.abort();
              }, 1500),
          },
        );
        expect(performance.now() - cancelledAt).toBeLessThan(1000);
        expect(report).toMatchObject({ state: 'cancelled', counts: { replayed: 0 } });
      });
    }, 60_000);
  },
);

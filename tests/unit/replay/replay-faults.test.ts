// Replay when things go wrong: an input file gone (skipped with the reason), a mapping naming a
// column or input that is not there (a clear error), a slow app (cancel returns within a second),
// and an app that stops mid-run (finished results kept; the run resumes the missing samples).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkspaceForExport } from '../../../src/main/cli/open-workspace';
import { ReplayService } from '../../../src/main/replay/replay-service';
import { gradioPython, NO_GRADIO, startApps, type RunningApps } from '../../support/gradio-apps';
import { runReplay, storedRun } from './support';

let base: string;
let flagged: RunningApps;
let slow: RunningApps;

beforeAll(async () => {
  if (!gradioPython) return;
  base = await mkdtemp(join(tmpdir(), 'flagdeck-replay-faults-'));
  vi.stubEnv('XDG_DATA_HOME', join(base, 'data'));
  // One process flags (version 1) and serves version 2 of the image app; one serves a slow text app.
  [flagged, slow] = await Promise.all([
    startApps({ apps: ['text', 'image'], flagInto: base }),
    startApps({ apps: ['text'], delay: 3 }),
  ]);
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([flagged?.stop(), slow?.stop()]);
  if (base) await rm(base, { recursive: true, force: true });
});

async function withService<T>(folder: string, use: (service: ReplayService, folderId: string) => Promise<T>) {
  const { ws, close } = await openWorkspaceForExport([folder], join(base, 'data'));
  try {
    return await use(new ReplayService(ws, join(base, 'data')), ws.info().folders[0]?.id ?? '');
  } finally {
    await close();
  }
}

describe.skipIf(!gradioPython)(`replay faults (${gradioPython ? 'real Gradio' : NO_GRADIO})`, () => {
  it('skips a sample whose input file is missing, saying which column and file', async () => {
    const folder = join(base, 'image');
    const csv = (await import('node:fs/promises')).readFile(join(folder, 'dataset1.csv'), 'utf8');
    const secondImage = (await csv).split('\n')[2]?.split(',')[0] ?? '';
    await rm(secondImage); // Gradio 6 logs the absolute path of a file under an absolute flagging_dir
    const { code, out } = await runReplay([folder, '--app', flagged.apps.image ?? '', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { run: string };
    expect(json).toMatchObject({ replayed: 2, same: 2, changed: 0, skipped: 1 });
    const run = await storedRun(folder, json.run);
    expect(run.results.get('dataset1.csv#2')).toMatchObject({
      outcome: 'skipped',
      error: `photo: file missing: ${secondImage}`,
    });
  });

  it('refuses a mapping naming a column or an input that is not there, naming both', async () => {
    const folder = join(base, 'text');
    const app = flagged.apps.text ?? '';
    const noColumn = await runReplay([folder, '--app', app, '--map', 'question=prompt']);
    expect(noColumn.code).toBe(1);
    expect(noColumn.err).toBe(
      'flagdeck replay: column "question" (mapped to input "prompt") is not in dataset1.csv (columns: prompt, answer)',
    );
    const noInput = await runReplay([folder, '--app', app, '--map', 'prompt=query']);
    expect(noInput.code).toBe(1);
    expect(noInput.err).toBe(
      'flagdeck replay: --map prompt=query: "query" is not an input or output of /predict (inputs: prompt; outputs: answer)',
    );
    const noEndpoint = await runReplay([folder, '--app', app, '--api-name', '/translate']);
    expect(noEndpoint.err).toBe(`flagdeck replay: ${app} has no endpoint /translate (endpoints: /predict)`);
  });

  it('cancels a run against a slow app within a second, keeping it resumable', async () => {
    const folder = join(base, 'text');
    await withService(folder, async (service, folderId) => {
      const cancel = new AbortController();
      let cancelledAt = 0;
      const report = await service.start(
        { folderId, app: slow.apps.text ?? '', concurrency: 2 },
        {
          signal: cancel.signal,
          // Every call of the slow app takes 3 s: half a second in, two are in flight.
          onStart: () =>
            setTimeout(() => {
              cancelledAt = performance.now();
              cancel.abort();
            }, 500),
        },
      );
      expect(performance.now() - cancelledAt).toBeLessThan(1000);
      expect(report).toMatchObject({ state: 'cancelled', counts: { replayed: 0 } });
      const run = await storedRun(folder, report.run);
      expect(run.info.state).toBe('cancelled');
      expect(run.info.samples).toHaveLength(5);
    });
  });

  it('keeps the finished results when the app stops mid-run, and resumes the missing ones', async () => {
    const folder = join(base, 'text');
    const stopping = await startApps({ apps: ['text'], delay: 1 });
    let restarted: RunningApps | undefined;
    try {
      const first = await withService(folder, (service, folderId) =>
        service.start(
          {
            folderId,
            app: stopping.apps.text ?? '',
            concurrency: 1,
            retry: { attempts: 2, firstDelayMs: 50 },
          },
          { onResult: (_result, done) => void (done === 2 && stopping.stop()) },
        ),
      );
      expect(first.state).toBe('interrupted');
      expect(first.message).toMatch(/^the app stopped answering: /);
      const kept = await storedRun(folder, first.run);
      expect(kept.info.state).toBe('interrupted');
      expect(kept.results.size).toBeGreaterThanOrEqual(2);
      expect(kept.results.size).toBeLessThan(5);

      restarted = await startApps({ apps: ['text'] });
      const { code, out } = await runReplay([
        folder,
        '--resume',
        first.run,
        '--app',
        restarted.apps.text ?? '',
        '--json',
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({
        run: first.run,
        replayed: 5,
        same: 3,
        changed: 2,
        state: 'finished',
      });
      const resumed = await storedRun(folder, first.run);
      // Each sample replayed once: the results kept were not sent again.
      expect(resumed.lines).toBe(5);
      for (const [id, result] of kept.results) expect(resumed.results.get(id)).toEqual(result);
      expect(resumed.info.state).toBe('finished');
    } finally {
      await Promise.all([stopping.stop(), restarted?.stop()]);
    }
  }, 180_000);

  it('replays again on resume the samples whose row was rewritten since, and only those', async () => {
    // A copy of the text folder, replayed in full, then its log rewritten: row 3 now asks "world!".
    const folder = join(base, 'text-rewritten');
    await cp(join(base, 'text'), folder, { recursive: true });
    await rm(join(folder, '.flagdeck'), { recursive: true, force: true });
    const app = flagged.apps.text ?? '';
    const first = await withService(folder, (service, folderId) => service.start({ folderId, app }));
    expect(first.counts).toMatchObject({ same: 3, changed: 2 });
    const before = await storedRun(folder, first.run);
    expect(before.results.get('dataset1.csv#3')?.outcome).toBe('same');
    const log = join(folder, 'dataset1.csv');
    await writeFile(log, (await readFile(log, 'utf8')).replace(/^world,WORLD,/m, 'world!,WORLD,'));

    await withService(folder, async (service, folderId) => {
      // The table no longer shows the old outcome for row 3, and the run's browser leaves it out.
      const page = await service.outcomes(folderId, first.run);
      expect(page.map((item) => item.id)).not.toContain('dataset1.csv#3');
      expect(page).toHaveLength(4);
      const resumed = await service.resume(folderId, first.run);
      expect(resumed).toMatchObject({ state: 'finished', counts: { replayed: 5, same: 2, changed: 3 } });
      expect(await service.outcomes(folderId, first.run)).toContainEqual({
        id: 'dataset1.csv#3',
        outcome: 'changed',
      });
    });
    const after = await storedRun(folder, first.run);
    // One line more: row 3, replayed with its new input ("WORLD!" is not the flagged "WORLD").
    expect(after.lines).toBe(6);
    const again = after.results.get('dataset1.csv#3');
    expect(again).toMatchObject({ outcome: 'changed' });
    expect(again?.rowHash).not.toBe(before.results.get('dataset1.csv#3')?.rowHash);
    expect(again?.outputs[0]?.value).toBe('WORLD!');
  }, 120_000);
});

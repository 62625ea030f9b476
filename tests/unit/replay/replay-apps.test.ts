// Replay against real Gradio: five small apps flagged by their version 1 through Gradio's own
// flagging code, replayed against version 2 (which fixes some samples). Sample by sample, the
// outcome must be what version 2 does, and the stored output must be what version 2 computes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gradioPython, NO_GRADIO, startApps, type RunningApps } from '../../support/gradio-apps';
import { firstCells, runReplay, storedRun, type StoredRun } from './support';

let base: string;
let apps: RunningApps;

beforeAll(async () => {
  if (!gradioPython) return;
  base = await mkdtemp(join(tmpdir(), 'flagdeck-replay-'));
  vi.stubEnv('XDG_DATA_HOME', join(base, 'data'));
  apps = await startApps({ apps: ['text', 'image', 'label', 'audio', 'chat'], flagInto: base });
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await apps?.stop();
  if (base) await rm(base, { recursive: true, force: true });
});

async function replay(
  app: keyof RunningApps['apps'],
): Promise<{ json: Record<string, unknown>; run: StoredRun }> {
  const folder = join(base, app);
  const { code, out, err } = await runReplay([folder, '--app', apps.apps[app] ?? '', '--json']);
  expect(err).toBe('');
  expect(code).toBe(0);
  const json = JSON.parse(out) as Record<string, unknown>;
  return { json, run: await storedRun(folder, String(json.run)) };
}

function outcomes(run: StoredRun): string[] {
  return [...run.results.values()].sort((a, b) => a.id.localeCompare(b.id)).map((r) => r.outcome);
}

describe.skipIf(!gradioPython)(
  `replay against live Gradio apps (${gradioPython ? 'real Gradio' : NO_GRADIO})`,
  () => {
    it('text → text: the samples version 2 fixed are changed, the others the same, outputs as computed', async () => {
      const { json, run } = await replay('text');
      expect(json).toMatchObject({
        endpoint: '/predict',
        replayed: 5,
        same: 3,
        changed: 2,
        errors: 0,
        skipped: 0,
      });
      const prompts = await firstCells(join(base, 'text'));
      expect(prompts).toEqual(['hello', 'bug in here', 'world', 'bug again', 'fine, thanks']);
      prompts.forEach((prompt, index) => {
        const result = run.results.get(`dataset1.csv#${index + 1}`);
        expect(result?.outcome).toBe(prompt.startsWith('bug') ? 'changed' : 'same');
        expect(result?.outputs[0]).toMatchObject({
          label: 'answer',
          column: 'answer',
          value: prompt.toUpperCase(),
        });
      });
      expect(run.info).toMatchObject({
        app: apps.apps.text,
        endpoint: '/predict',
        gradioVersion: apps.gradio,
        mapping: { inputs: { prompt: 'prompt' }, outputs: { answer: 'answer' } },
        state: 'finished',
      });
      expect(run.info.endedAt).not.toBeNull();
    });

    it('image → image: same pixels or not, and the stored file is the inverted input', async () => {
      const { json, run } = await replay('image');
      expect(json).toMatchObject({ replayed: 3, same: 2, changed: 1 });
      // narrow (3 px) and square (4 px) were inverted by version 1 too; wide (6 px) was not.
      expect(outcomes(run)).toEqual(['same', 'changed', 'same']);
      for (const result of run.results.values()) {
        const [file] = result.outputs[0]?.files ?? [];
        expect(file).toBeDefined();
        const stored = await sharp(join(run.dir, file ?? ''))
          .removeAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        const flaggedInput = apps.flagged.image?.flagged[Number(result.id.split('#')[1]) - 1] ?? '';
        const input = await sharp(flaggedInput).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        expect(stored.info.width).toBe(input.info.width);
        expect([...stored.data]).toEqual([...input.data].map((v) => 255 - v));
        // Beside a changed image, how many of its pixels differ (the hash sees shapes in grey only).
        expect(result.outputs[0]?.detail).toMatch(
          result.outputs[0]?.same
            ? /^perceptual-hash distance \d+ \/ 64$/
            : /^perceptual-hash distance \d+ \/ 64; \d+(\.\d)?% of pixels differ, by \d+(\.\d)?% on average$/,
        );
      }
    });

    it('image → label: same top label or not; both confidences kept', async () => {
      const { json, run } = await replay('label');
      expect(json).toMatchObject({ replayed: 3, same: 1, changed: 2 });
      const names = ['red', 'green', 'blue'];
      names.forEach((name, index) => {
        const result = run.results.get(`dataset1.csv#${index + 1}`);
        expect(result?.outcome).toBe(name === 'green' ? 'same' : 'changed');
        expect(result?.outputs[0]?.value).toMatchObject({ label: name });
      });
      expect(run.results.get('dataset1.csv#1')?.outputs[0]?.detail).toBe('blue → red');
    });

    it('audio → text: the 8 kHz clip version 1 measured wrong is changed', async () => {
      const { json, run } = await replay('audio');
      expect(json).toMatchObject({ replayed: 2, same: 1, changed: 1 });
      expect(run.results.get('dataset1.csv#1')).toMatchObject({
        outcome: 'same',
        outputs: [{ value: '0.50 s' }],
      });
      expect(run.results.get('dataset1.csv#2')).toMatchObject({
        outcome: 'changed',
        outputs: [{ value: '0.50 s' }],
      });
    });

    it('chat: transcripts compared by role and text', async () => {
      const { json, run } = await replay('chat');
      expect(json).toMatchObject({ replayed: 3, same: 1, changed: 2 });
      const messages = ['hi there', 'how are you?', 'what is 2+2?'];
      messages.forEach((message, index) => {
        const result = run.results.get(`dataset1.csv#${index + 1}`);
        expect(result?.outcome).toBe(message.includes('?') ? 'changed' : 'same');
        expect(JSON.stringify(result?.outputs[0]?.value)).toContain(`You said: ${message}`);
      });
    });

    it('lists the stored runs, newest first, with their counts', async () => {
      const folder = join(base, 'text');
      const { code, out } = await runReplay([folder, '--list', '--json']);
      expect(code).toBe(0);
      const runs = JSON.parse(out) as { run: string; counts: { same: number }; total: number }[];
      expect(runs.length).toBeGreaterThanOrEqual(1);
      expect(runs[0]).toMatchObject({ endpoint: '/predict', total: 5, counts: { same: 3, changed: 2 } });
      // Gradio's log is never touched.
      expect(await readFile(join(folder, 'dataset1.csv'), 'utf8')).toContain('bug again,bug again');
    });
  },
);

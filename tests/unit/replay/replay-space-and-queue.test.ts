// Two paths of reaching an app that the other replay tests do not take, against real Gradio apps:
// - a Space id (`owner/space`): @gradio/client asks the Hub's API where the Space runs
//   (`https://huggingface.co/api/spaces/<id>/host`, a URL the client does not let us change). The
//   Hub is unreachable here, so that one request is answered by a local stand-in naming a local
//   Gradio app; everything after it (config, API description, calls) is the client talking to real
//   Gradio as it would to the Space.
// - a busy app whose queue is full (one call at a time, one waiting, each call slow): the refused
//   calls are retried with backoff until every sample has its answer.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkspaceForExport } from '../../../src/main/cli/open-workspace';
import { ReplayService } from '../../../src/main/replay/replay-service';
import { gradioPython, NO_GRADIO, startApps, type RunningApps } from '../../support/gradio-apps';
import { runReplay, storedRun } from './support';

const HUB = 'https://huggingface.co';

let base: string;
let flagged: RunningApps;
let busy: RunningApps;
let hub: Server;
let hubUrl: string;
const hubRequests: string[] = [];

beforeAll(async () => {
  if (!gradioPython) return;
  base = await mkdtemp(join(tmpdir(), 'flagdeck-replay-space-'));
  vi.stubEnv('XDG_DATA_HOME', join(base, 'data'));
  [flagged, busy] = await Promise.all([
    startApps({ apps: ['text'], flagInto: base }),
    startApps({ apps: ['text'], delay: 0.4, queueSize: 1 }),
  ]);
  const spaces: Record<string, string> = { 'alice/shouter': (flagged.apps.text ?? '').replace(/\/$/, '') };
  hub = createServer((request, response) => {
    hubRequests.push(request.url ?? '');
    const space = /^\/api\/spaces\/([^/]+\/[^/]+)\/host$/.exec(request.url ?? '')?.[1];
    const host = space ? spaces[space] : undefined;
    response.writeHead(host ? 200 : 404, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify(host ? { subdomain: space?.replace('/', '-'), host } : { error: 'not found' }),
    );
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  const address = hub.address();
  hubUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Only the Hub's origin is sent to the stand-in; the app's own URLs go out unchanged.
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return realFetch(url.startsWith(`${HUB}/`) ? hubUrl + url.slice(HUB.length) : input, init);
  });
}, 180_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  await Promise.all([flagged?.stop(), busy?.stop()]);
  await new Promise((resolve) => (hub ? hub.close(resolve) : resolve(undefined)));
  if (base) await rm(base, { recursive: true, force: true });
});

describe.skipIf(!gradioPython)(
  `replay: Space ids and busy apps (${gradioPython ? 'real Gradio' : NO_GRADIO})`,
  () => {
    it('replays against a Space id, which the client resolves through the Hub API', async () => {
      const folder = join(base, 'text');
      hubRequests.length = 0;
      const { code, out, err } = await runReplay([folder, '--app', 'alice/shouter', '--json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(hubRequests).toContain('/api/spaces/alice/shouter/host');
      const json = JSON.parse(out) as { run: string };
      expect(json).toMatchObject({ replayed: 5, same: 3, changed: 2, errors: 0, skipped: 0 });
      const run = await storedRun(folder, json.run);
      expect(run.info.app).toBe('alice/shouter');
      expect(run.info.gradioVersion).toBe(flagged.gradio);
    });

    it('names the Space when the Hub does not know it', async () => {
      const { code, err } = await runReplay([join(base, 'text'), '--app', 'alice/missing', '--json']);
      expect(code).toBe(1);
      expect(err).toContain('could not connect to the Gradio app at alice/missing');
      expect(err).toContain('Space "alice/missing" could not be accessed (received a 404 response');
    });

    it('retries with backoff the calls a full queue refuses, until every sample is answered', async () => {
      const folder = join(base, 'text');
      const { ws, close } = await openWorkspaceForExport([folder], join(base, 'data'));
      try {
        const service = new ReplayService(ws, join(base, 'data'));
        const folderId = ws.info().folders[0]?.id ?? '';
        // 5 samples, 4 sent at once to an app that runs one and queues one: the others are refused.
        const report = await service.start({
          folderId,
          app: busy.apps.text ?? '',
          concurrency: 4,
          retry: { attempts: 10, firstDelayMs: 100 },
        });
        expect(report).toMatchObject({
          state: 'finished',
          counts: { replayed: 5, same: 3, changed: 2, errors: 0, skipped: 0 },
        });
        const run = await storedRun(folder, report.run);
        const retries = [...run.results.values()].map((result) => result.retries ?? 0);
        expect(retries.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
        expect(run.lines).toBe(5);
      } finally {
        await close();
      }
    }, 120_000);
  },
);

// `export.start` with a Hub target, through the export handlers both hosts serve: refused at once
// when it cannot work, else progress events in bytes and a finish with the repo link; the token
// appears in no event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../../src/shared/api';
import type { ExportFinished, ExportProgress } from '../../../../src/shared/export';
import { exportHandlers } from '../../../../src/main/export/export-jobs';
import { hubRunner } from '../../../../src/main/export/hub/hub-job';
import type { HubServer } from '../../../support/hub-server';
import { FIXTURES, openWorld, type ExportWorld } from '../support';
import { startTestHub, WRITE_TOKEN } from './staging';
import { join } from 'node:path';

let hub: HubServer;
let world: ExportWorld;

beforeAll(async () => {
  hub = await startTestHub();
  world = await openWorld([join(FIXTURES, '4.44.1/components_inputs/flagged')]);
});
afterAll(async () => {
  await world.close();
  await hub.close();
});

function handlersWith(env: NodeJS.ProcessEnv, readKeychainToken?: () => Promise<string | undefined>) {
  const events: { name: EventName; payload: unknown }[] = [];
  const logged: string[] = [];
  const handlers = exportHandlers({
    source: world.ws,
    log: (line) => void logged.push(line),
    emit: (name, payload) => void events.push({ name, payload }),
    keyFile: join(world.base, 'key'),
    runners: {
      hub: hubRunner({
        source: world.ws,
        env,
        home: join(world.base, 'home'),
        readKeychainToken,
        defaultHubUrl: hub.url,
        push: { retryPolicy: { baseDelayMs: 5, maxDelayMs: 10 } },
      }),
    },
  });
  const finished = () =>
    new Promise<ExportFinished>((resolve) => {
      const poll = setInterval(() => {
        const done = events.find((e) => e.name === 'exportFinished');
        if (done) {
          clearInterval(poll);
          resolve(done.payload as ExportFinished);
        }
      }, 10);
    });
  return { handlers, events, finished, logged };
}

const hubStart = (repo: string, extra: Record<string, unknown> = {}) => ({
  selection: { filter: {}, statuses: ['any' as const] },
  target: { kind: 'hub' as const, format: 'parquet' as const, repo, private: true, ...extra },
  privacy: { username: 'keep' as const, stripExif: false },
});

describe('export.start to the Hub', () => {
  it('pushes in the background: progress in bytes, then the repo link and commit', async () => {
    const { handlers, events, finished } = handlersWith({ HF_TOKEN: WRITE_TOKEN });
    const { jobId } = await handlers['export.start'](hubStart('alice/from-dialog'));
    const end = await finished();
    expect(end.error).toBeUndefined();
    expect(end).toMatchObject({
      jobId,
      result: { out: 'alice/from-dialog', url: `${hub.url}/datasets/alice/from-dialog` },
    });
    const stored = hub.store.get('dataset', 'alice/from-dialog')!;
    expect(end.result?.commit).toBe(stored.branches.get('main'));
    const progress = events
      .filter((e) => e.name === 'exportProgress')
      .map((e) => e.payload as ExportProgress);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['writing', 'done']));
    const last = progress.at(-1)!;
    expect(last.bytesTotal).toBeGreaterThan(0);
    expect(last.bytes).toBe(last.bytesTotal);
    expect(JSON.stringify(events)).not.toContain(WRITE_TOKEN);
  });

  it('uses the keychain token first (desktop)', async () => {
    const { handlers, finished } = handlersWith({ HF_TOKEN: 'hf_wrong_env_token' }, async () => WRITE_TOKEN);
    await handlers['export.start'](hubStart('alice/keychain'));
    expect((await finished()).error).toBeUndefined();
    expect(hub.store.get('dataset', 'alice/keychain')).toBeDefined();
  });

  it('refuses at once: no token, a bad repo id, a Hub URL in plain http off this machine', async () => {
    const none = handlersWith({});
    await expect(none.handlers['export.start'](hubStart('alice/x'))).rejects.toThrow(
      /No Hugging Face token: set HF_TOKEN/,
    );
    const withToken = handlersWith({ HF_TOKEN: WRITE_TOKEN });
    await expect(withToken.handlers['export.start'](hubStart('no-owner'))).rejects.toThrow(/use owner\/name/);
    await expect(
      withToken.handlers['export.start'](hubStart('alice/x', { hubUrl: 'http://hub.example.com' })),
    ).rejects.toThrow(/must use https/);
    expect(withToken.events).toEqual([]);
  });

  it('sends the stored token only to the Hub it was started with, huggingface.co or this machine', async () => {
    const withToken = handlersWith({ HF_TOKEN: WRITE_TOKEN });
    await expect(
      withToken.handlers['export.start'](hubStart('alice/x', { hubUrl: 'https://collector.example.com' })),
    ).rejects.toThrow(/sent only to .* start Flagdeck with HF_ENDPOINT=https:\/\/collector\.example\.com/);
    expect(withToken.events).toEqual([]);
  });

  it('finishes with the Hub refusal in words when the token is bad, never with the token', async () => {
    const bad = 'hf_bad_token_in_env_5e1f';
    const { handlers, events, finished, logged } = handlersWith({ HF_TOKEN: bad });
    await handlers['export.start'](hubStart('alice/bad'));
    const end = await finished();
    expect(end.error).toMatch(/refused the token \(token from HF_TOKEN\): 401 Unauthorized/);
    expect(logged.join('\n')).toMatch(/failed: PushError: The Hub at .* refused the token/);
    expect(JSON.stringify(events) + logged.join('\n')).not.toContain(bad);
  });

  it('cancels through export.cancel', async () => {
    const { handlers, finished } = handlersWith({ HF_TOKEN: WRITE_TOKEN });
    hub.faults.add({ method: 'POST', path: /\/preupload\//, action: { kind: 'delay', ms: 500 } });
    const { jobId } = await handlers['export.start'](hubStart('alice/cancel-me'));
    setTimeout(() => void handlers['export.cancel']({ jobId }), 150);
    expect(await finished()).toMatchObject({ jobId, cancelled: true });
    const stored = hub.store.get('dataset', 'alice/cancel-me');
    expect(stored && stored.commits.size).toBe(1); // only the repo's initial commit
  });
});

// The retrying, progress-counting fetch on its own, with a scripted network below it.
import { describe, expect, it } from 'vitest';
import { createHubFetch, isCommitRequest } from '../../../../src/main/export/hub/hub-fetch';
import { serverDelayMs } from '../../../../src/main/export/hub/retry-policy';

type Script = Array<number | 'network'>;

function scripted(script: Script) {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    const next = script.shift() ?? 200;
    if (next === 'network') throw new TypeError('fetch failed');
    return new Response('{}', { status: next, headers: next === 429 ? { 'Retry-After': '2' } : {} });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const noSleep = { sleep: async () => undefined };

describe('hub fetch', () => {
  it('retries network errors, 408, 429 and 5xx, then answers', async () => {
    const net = scripted(['network', 408, 429, 503]);
    const waits: number[] = [];
    const hubFetch = createHubFetch({ fetch: net.fetch, ...noSleep, onRetry: (n) => waits.push(n.delayMs) });
    const response = await hubFetch('https://hub.test/api/whoami-v2');
    expect(response.status).toBe(200);
    expect(net.calls).toHaveLength(5);
    expect(waits[2]).toBe(2000); // Retry-After: 2
  });

  it('does not retry 4xx answers other than 408 and 429', async () => {
    const net = scripted([404]);
    const response = await createHubFetch({ fetch: net.fetch, ...noSleep })(
      'https://hub.test/api/datasets/a/b',
    );
    expect(response.status).toBe(404);
    expect(net.calls).toHaveLength(1);
  });

  it('never retries the commit POST, on a 5xx or a lost connection', async () => {
    const url = 'https://hub.test/api/datasets/a/b/commit/main';
    expect(isCommitRequest('POST', url)).toBe(true);
    expect(isCommitRequest('POST', 'https://hub.test/api/datasets/a/b/preupload/main')).toBe(false);
    const net = scripted([500]);
    expect((await createHubFetch({ fetch: net.fetch, ...noSleep })(url, { method: 'POST' })).status).toBe(
      500,
    );
    const lost = scripted(['network']);
    await expect(createHubFetch({ fetch: lost.fetch, ...noSleep })(url, { method: 'POST' })).rejects.toThrow(
      'fetch failed',
    );
    expect(net.calls.length + lost.calls.length).toBe(2);
  });

  it('gives up after the configured tries and returns the last answer', async () => {
    const net = scripted([500, 500, 500, 500]);
    const response = await createHubFetch({ fetch: net.fetch, ...noSleep, policy: { attempts: 3 } })(
      'https://hub.test/x',
    );
    expect(response.status).toBe(500);
    expect(net.calls).toHaveLength(3);
  });

  it('stops waiting when the signal aborts', async () => {
    const net = scripted([503, 503]);
    const controller = new AbortController();
    const hubFetch = createHubFetch({
      fetch: net.fetch,
      policy: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const pending = hubFetch('https://hub.test/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow(/abort/i);
    expect(net.calls).toHaveLength(1);
  });

  it('streams a Blob body with a progress hint, with its Content-Length, reporting fractions', async () => {
    let received = 0;
    let length: string | null = null;
    const fetch = (async (_input: string | URL | Request, init?: RequestInit) => {
      length = new Headers(init?.headers).get('content-length');
      for await (const chunk of init?.body as ReadableStream<Uint8Array>) received += chunk.byteLength;
      return new Response(null, { status: 200 });
    }) as typeof globalThis.fetch;
    const fractions: number[] = [];
    const body = new Blob([new Uint8Array(100_000), new Uint8Array(100_000)]);
    const init = {
      method: 'PUT',
      body,
      progressHint: { progressCallback: (f: number) => fractions.push(f) },
    };
    await createHubFetch({ fetch })('https://s3.test/put', init as RequestInit);
    expect(received).toBe(200_000);
    expect(length).toBe('200000');
    expect(fractions.at(-1)).toBe(1);
  });

  it('reads Retry-After as seconds or an HTTP date, and the RateLimit reset', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(serverDelayMs(new Headers({ 'Retry-After': '3' }), now)).toBe(3000);
    expect(serverDelayMs(new Headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(serverDelayMs(new Headers({ RateLimit: '"api";r=0;t=42' }), now)).toBe(42_000);
    expect(serverDelayMs(new Headers(), now)).toBeUndefined();
  });
});

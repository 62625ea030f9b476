// A push when the Hub misbehaves: retried answers (500, 429 + Retry-After, a connection dropped
// mid-upload), answers that must not be retried (the commit POST, a stale parent), a bad token,
// a cancel. The dataset is never advertised half-pushed, and the message says what happened.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pushDataset, type PushRequest, type RetryNotice } from '../../../../src/main/export/hub';
import type { HubServer } from '../../../support/hub-server';
import { READ_TOKEN, removeDir, startTestHub, tempDir, writeImageFolder, WRITE_TOKEN } from './staging';

let hub: HubServer;
let dir: string;

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());
beforeEach(async () => {
  dir = await tempDir('faults');
  await writeImageFolder(dir, 150);
  hub.faults.clear();
});
afterEach(() => removeDir(dir));

function push(repo: string, extra: Partial<PushRequest> = {}) {
  return pushDataset({
    dir,
    repo,
    format: 'imagefolder',
    private: true,
    hubUrl: hub.url,
    token: WRITE_TOKEN,
    retryPolicy: { baseDelayMs: 5, maxDelayMs: 20, attempts: 4 },
    ...extra,
  });
}

function advertised(id: string): boolean {
  const repo = hub.store.get('dataset', id);
  const head = repo && repo.commits.get(repo.branches.get('main')!);
  return head !== undefined && (head.files.has('README.md') || head.files.has('data/train/metadata.jsonl'));
}

const since = (start: number) => hub.requests.slice(start);
const PUT = /^\/lfs-upload\//;
const COMMIT = /\/commit\/main$/;

describe('push faults', () => {
  it('retries a 500 on an LFS upload and a 500 on preupload, then completes', async () => {
    hub.faults.add({ method: 'PUT', path: PUT, skip: 3, times: 2, action: { kind: 'status', status: 500 } });
    hub.faults.add({
      method: 'POST',
      path: /\/preupload\//,
      times: 1,
      action: { kind: 'status', status: 503 },
    });
    const retries: RetryNotice[] = [];
    const start = hub.requests.length;
    const result = await push('alice/r500', { onRetry: (n) => retries.push(n) });
    expect(result.uploadedFiles).toBe(152);
    expect(since(start).filter((r) => r.status >= 500)).toHaveLength(3);
    expect(retries.map((r) => r.reason).sort()).toEqual(['HTTP 500', 'HTTP 500', 'HTTP 503']);
    expect(advertised('alice/r500')).toBe(true);
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    hub.faults.add({
      method: 'POST',
      path: /\/info\/lfs\/objects\/batch$/,
      action: { kind: 'status', status: 429, retryAfter: 1 },
    });
    const retries: RetryNotice[] = [];
    const result = await push('alice/r429', { onRetry: (n) => retries.push(n) });
    expect(result.commits).toBe(2);
    expect(retries).toEqual([expect.objectContaining({ reason: 'HTTP 429', delayMs: 1000 })]);
  });

  it('retries an upload whose connection dropped mid-body', async () => {
    hub.faults.add({ method: 'PUT', path: PUT, skip: 10, times: 1, action: { kind: 'drop' } });
    const start = hub.requests.length;
    const retries: RetryNotice[] = [];
    const result = await push('alice/dropped', { onRetry: (n) => retries.push(n) });
    expect(retries).toEqual([expect.objectContaining({ method: 'PUT', reason: 'network error' })]);
    expect(since(start).filter((r) => r.method === 'PUT' && r.status === 0)).toHaveLength(1);
    expect(result.uploadedFiles).toBe(152);
    expect(since(start).filter((r) => COMMIT.test(r.path))).toHaveLength(2);
  });

  it('never retries the commit POST: a 500 there fails the push with one POST and nothing advertised', async () => {
    hub.faults.add({ method: 'POST', path: COMMIT, skip: 1, action: { kind: 'status', status: 500 } });
    const start = hub.requests.length;
    const error = await push('alice/commit500').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/HTTP 500.*commit 2 of 2/);
    expect(
      since(start)
        .filter((r) => COMMIT.test(r.path))
        .map((r) => r.status),
    ).toEqual([200, 500]);
    expect(advertised('alice/commit500')).toBe(false);
    // Pushing again finishes the job and re-sends only what is missing.
    hub.faults.clear();
    const again = await push('alice/commit500');
    expect(again.uploadedFiles).toBe(52);
    expect(advertised('alice/commit500')).toBe(true);
  });

  it('finds out whether a commit whose answer was lost landed, and goes on from it', async () => {
    hub.faults.add({ method: 'POST', path: COMMIT, action: { kind: 'loseAnswer' } });
    const start = hub.requests.length;
    const result = await push('alice/lost-answer');
    expect(since(start).filter((r) => COMMIT.test(r.path))).toHaveLength(2); // no second try of the first
    expect(result.commits).toBe(2);
    const repo = hub.store.get('dataset', 'alice/lost-answer')!;
    expect(repo.history).toHaveLength(3);
    expect(result.commit).toBe(repo.branches.get('main'));
    expect(advertised('alice/lost-answer')).toBe(true);
  });

  it('fails with the lost connection in words when a commit did not land', async () => {
    hub.faults.add({ method: 'POST', path: COMMIT, action: { kind: 'drop' } });
    const error = (await push('alice/commit-dropped').catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(
      /Lost the connection to http:\/\/127\.0\.0\.1:\d+ while uploading commit 1 of 2/,
    );
    expect(hub.store.get('dataset', 'alice/commit-dropped')!.history).toHaveLength(1);
  });

  it('stops with 412 when someone else commits mid-push, leaving the dataset unadvertised', async () => {
    hub.faults.add({
      method: 'POST',
      path: COMMIT,
      skip: 1,
      action: {
        kind: 'before',
        run: () => void hub.store.commitDirect(hub.store.get('dataset', 'alice/raced')!, { 'x.txt': 'x' }),
      },
    });
    const start = hub.requests.length;
    const error = (await push('alice/raced').catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/Someone else committed to alice\/raced during the push \(412/);
    expect(
      since(start)
        .filter((r) => COMMIT.test(r.path))
        .map((r) => r.status),
    ).toEqual([200, 412]);
    expect(advertised('alice/raced')).toBe(false);
  });

  it('gives up after the retries on a persistent 502 and says so, without advertising', async () => {
    hub.faults.add({
      method: 'PUT',
      path: PUT,
      skip: 20,
      times: Infinity,
      action: { kind: 'status', status: 502 },
    });
    const error = (await push('alice/down').catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/kept failing \(HTTP 502\) while uploading commit 1 of 2/);
    expect(advertised('alice/down')).toBe(false);
  });

  it('says a bad token was refused (401) and never shows the token, in the error or the retry notes', async () => {
    const badToken = 'hf_not_a_real_token_93ab71c2';
    const notes: string[] = [];
    const error = (await push('alice/badtoken', {
      token: badToken,
      tokenSource: 'HF_TOKEN',
      onRetry: (n) => notes.push(JSON.stringify(n)),
      onProgress: (p) => notes.push(JSON.stringify(p)),
    }).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/refused the token \(token from HF_TOKEN\): 401 Unauthorized/);
    expect(`${error.message}\n${error.stack}\n${notes.join('\n')}`).not.toContain(badToken);
    expect(hub.store.get('dataset', 'alice/badtoken')).toBeUndefined();
  });

  it('says a read-only token cannot write to the namespace (403)', async () => {
    const error = (await push('alice/readonly', { token: READ_TOKEN }).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/may not write to "alice".*403 Forbidden/);
    expect(error.message).not.toContain(READ_TOKEN);
  });

  it('cancels through the abort signal mid-upload; the next push reuses what was uploaded', async () => {
    const controller = new AbortController();
    hub.faults.add({
      method: 'PUT',
      path: PUT,
      skip: 40,
      times: 1,
      action: { kind: 'before', run: () => controller.abort() },
    });
    const error = (await push('alice/cancelled', { signal: controller.signal }).catch(
      (e: Error) => e,
    )) as Error;
    expect(error.message).toMatch(/cancelled while uploading commit 1 of 2/);
    expect(advertised('alice/cancelled')).toBe(false);
    // Let uploads the abort cut short settle on the server before counting what it kept.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stored = hub.store.get('dataset', 'alice/cancelled')!;
    const kept = stored.lfs.size;
    expect(kept).toBeGreaterThan(0);
    const start = hub.requests.length;
    const again = await push('alice/cancelled');
    expect(since(start).filter((r) => r.method === 'PUT')).toHaveLength(150 - kept);
    expect(again.commits).toBe(2);
    expect(advertised('alice/cancelled')).toBe(true);
  });
});
